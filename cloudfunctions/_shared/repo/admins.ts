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
