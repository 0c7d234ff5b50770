import { COLLECTIONS } from '../../../contract/constants';
import type { ExportDoc } from '../models';
import { _, db } from './db';

const collection = () => db.collection(COLLECTIONS.exports);

/** Remembers an export file so the scheduler deletes it once its link is long expired. */
export async function recordExport(doc: Omit<ExportDoc, '_id'>): Promise<void> {
  await collection().add(doc);
}

export async function expiredExports(now: Date, limit: number): Promise<ExportDoc[]> {
  const { data } = await collection()
    .where({ deleteAfter: _.lte(now) })
    .limit(limit)
    .get();
  return data as ExportDoc[];
}

export async function forgetExports(ids: string[]): Promise<void> {
  if (ids.length > 0)
    await collection()
      .where({ _id: _.in(ids) })
      .remove();
}
