import { COLLECTIONS } from '../../../contract/constants';
import { _, db } from './db';

/** Which of `openIds` are staff. */
export async function staffIdsAmong(openIds: string[]): Promise<Set<string>> {
  const unique = [...new Set(openIds)];
  if (unique.length === 0) return new Set();
  const { data } = await db
    .collection(COLLECTIONS.admins)
    .where({ _id: _.in(unique) })
    .field({ _id: true })
    .limit(unique.length)
    .get();
  return new Set((data as { _id: string }[]).map((doc) => doc._id));
}

/** Staff display names by OPENID, for those who have one (removed staff and unnamed ones are absent). */
export async function staffNames(openIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(openIds)];
  if (unique.length === 0) return new Map();
  const { data } = await db
    .collection(COLLECTIONS.admins)
    .where({ _id: _.in(unique) })
    .field({ _id: true, name: true })
    .limit(unique.length)
    .get();
  const names = new Map<string, string>();
  for (const doc of data as { _id: string; name?: string }[]) if (doc.name) names.set(doc._id, doc.name);
  return names;
}
