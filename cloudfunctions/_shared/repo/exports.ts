import { createHash } from 'node:crypto';
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

/** How an export names a person it holds: a hash of the OPENID, so the record itself names nobody. */
export function exportSubject(openId: string): string {
  return createHash('sha256').update(openId).digest('hex').slice(0, 32);
}

/**
 * Exports that hold `openId`'s enquiries, and those recorded before exports named their subjects
 * (which may hold anyone).
 */
export async function exportsHolding(openId: string): Promise<ExportDoc[]> {
  const { data } = await collection()
    .where(_.or([{ subjects: exportSubject(openId) }, { subjects: _.exists(false) }]))
    .limit(1000)
    .get();
  return data as ExportDoc[];
}
