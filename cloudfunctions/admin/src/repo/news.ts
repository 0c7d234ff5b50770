import { COLLECTIONS } from '../../../../contract/constants';
import type { NewsStatus } from '../../../../contract/models';
import type { NewsDoc } from '../models';
import type { AuditDraft } from './audit';
import { _, db, pageDesc, type After, type PageOf } from './db';
import { decideAndWrite, insertWithAudit, type Decision } from './write';

const collection = () => db.collection(COLLECTIONS.news);

/** The staff list: every status but deleted (or the one asked for), last edited first. */
export function listNews(
  statuses: readonly NewsStatus[],
  after: After | null,
  limit: number,
): Promise<PageOf<NewsDoc>> {
  const filter = statuses.length === 1 ? { status: statuses[0] } : { status: _.in([...statuses]) };
  return pageDesc<NewsDoc>(COLLECTIONS.news, filter, 'updatedAt', after, limit);
}

/** An item by id, or null when missing or (soft-)deleted. */
export async function findNews(id: string): Promise<NewsDoc | null> {
  const { data } = await collection()
    .where({ _id: id, status: _.neq('deleted') })
    .limit(1)
    .get();
  return ((data as NewsDoc[])[0] as NewsDoc | undefined) ?? null;
}

export function createNews(doc: Omit<NewsDoc, '_id'>, auditFor: (id: string) => AuditDraft, now: Date) {
  return insertWithAudit(COLLECTIONS.news, doc as unknown as Record<string, unknown>, auditFor, now);
}

/** Changes one item as `decide` says, with its audit entry, in one transaction. */
export function changeNews<R>(id: string, now: Date, decide: (current: NewsDoc | null) => Decision<R>) {
  return decideAndWrite<NewsDoc, R>(COLLECTIONS.news, id, now, decide);
}

/** Scheduled items whose time has come, oldest first. */
export async function dueScheduledNews(now: Date, limit: number): Promise<NewsDoc[]> {
  const { data } = await collection()
    .where({ status: 'scheduled', publishAt: _.lte(now) })
    .orderBy('publishAt', 'asc')
    .limit(limit)
    .get();
  return data as NewsDoc[];
}

/** Published items whose subscribers have not all been told yet. */
export async function newsAwaitingFanOut(limit: number): Promise<NewsDoc[]> {
  const { data } = await collection()
    .where({ status: 'published', fanOut: 'pending' })
    .orderBy('publishAt', 'asc')
    .limit(limit)
    .get();
  return data as NewsDoc[];
}

export async function markFanOutDone(id: string): Promise<void> {
  await collection().where({ _id: id, fanOut: 'pending' }).update({ fanOut: 'done' });
}

/** Whether each item is published now (for messages still waiting to be sent about it). */
export async function publishedIds(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { data } = await collection()
    .where({ _id: _.in(ids), status: 'published' })
    .field({ _id: true })
    .limit(ids.length)
    .get();
  return new Set((data as { _id: string }[]).map((doc) => doc._id));
}

export async function countPublishedNews(): Promise<number> {
  const { total } = await collection().where({ status: 'published' }).count();
  return total;
}
