import { COLLECTIONS } from '../../../contract/constants';
import type { RegionDocument } from '../../../contract/models';
import { _, db } from './db';

/**
 * The documents with these ids, in the order given (the profile's list, an opportunity's
 * attachments); ids without a document are left out.
 */
export async function findDocuments(ids: readonly string[]): Promise<RegionDocument[]> {
  if (ids.length === 0) return [];
  const { data } = await db
    .collection(COLLECTIONS.documents)
    .where({ _id: _.in([...ids]) })
    .limit(ids.length)
    .get();
  const byId = new Map((data as RegionDocument[]).map((doc) => [doc._id, doc]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
