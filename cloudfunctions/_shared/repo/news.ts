/** The news lifecycle the staff side and the scheduler share: state changes, due items, fan-outs. */
import { COLLECTIONS } from '../../../contract/constants';
import type { NewsDoc } from '../models';
import { _, db } from './db';
import { decideAndWrite, type Decision } from './write';

const collection = () => db.collection(COLLECTIONS.news);

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
