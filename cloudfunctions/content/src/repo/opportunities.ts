import { COLLECTIONS } from '../../../../contract/constants';
import type { Category, Opportunity } from '../../../../contract/models';
import { _, db } from '../../../_shared/repo/db';

/** A published opportunity as lists show it: no body. */
export type OpportunityListDoc = Pick<
  Opportunity,
  '_id' | 'category' | 'title' | 'summary' | 'audience' | 'availability' | 'deadline' | 'dateLabel'
> & {
  publishedAt: Date;
};

export type PublicOpportunityDoc = OpportunityListDoc &
  Pick<
    Opportunity,
    'body' | 'availabilityNote' | 'participation' | 'attachments' | 'contact' | 'documentIds' | 'source'
  >;

/** Where a page ends in the list order (newest `publishedAt`, then `_id`). */
export interface OpportunityPosition {
  publishedAt: Date;
  id: string;
}

const LIST_FIELDS = {
  _id: true,
  category: true,
  title: true,
  summary: true,
  audience: true,
  availability: true,
  deadline: true,
  publishedAt: true,
  dateLabel: true,
};

/** Published, and published by now (which also leaves out any without a publish time, so the cursor always has one). */
function visible(now: Date) {
  return { status: 'published', publishedAt: _.lte(now) };
}

/** Strictly after `after` in the list order, as a range (see the news repository for the form). */
function afterPosition(after: OpportunityPosition) {
  return _.and([
    { publishedAt: _.lte(after.publishedAt) },
    _.or([{ publishedAt: _.lt(after.publishedAt) }, { _id: _.lt(after.id) }]),
  ]);
}

async function list(filter: object, after: OpportunityPosition | null, limit: number) {
  const { data } = await db
    .collection(COLLECTIONS.opportunities)
    .where(after ? _.and([filter, afterPosition(after)]) : filter)
    .orderBy('publishedAt', 'desc')
    .orderBy('_id', 'desc')
    .field(LIST_FIELDS)
    .limit(limit + 1)
    .get();
  const items = data as OpportunityListDoc[];
  return { items: items.slice(0, limit), hasMore: items.length > limit };
}

/** Newest first, optionally of one category (indexes status_publishedAt_id, status_category_publishedAt_id). */
export function listVisibleOpportunities(query: {
  now: Date;
  category?: Category;
  after: OpportunityPosition | null;
  limit: number;
}): Promise<{ items: OpportunityListDoc[]; hasMore: boolean }> {
  const filter = {
    ...visible(query.now),
    ...(query.category !== undefined ? { category: query.category } : {}),
  };
  return list(filter, query.after, query.limit);
}

/**
 * The newest ones one can take part in now: by arrangement, or open until a deadline still to come
 * (index status_availability_publishedAt_id).
 */
export async function listOpenOpportunities(now: Date, limit: number): Promise<OpportunityListDoc[]> {
  const takingPart = _.or([
    { availability: 'by_arrangement' },
    { availability: 'open_until', deadline: _.gte(now) },
  ]);
  return (await list(_.and([visible(now), takingPart]), null, limit)).items;
}

export async function getVisibleOpportunity(id: string, now: Date): Promise<PublicOpportunityDoc | null> {
  const { data } = await db
    .collection(COLLECTIONS.opportunities)
    .where({ _id: id, ...visible(now) })
    .field({
      ...LIST_FIELDS,
      body: true,
      availabilityNote: true,
      participation: true,
      attachments: true,
      contact: true,
      documentIds: true,
      source: true,
    })
    .limit(1)
    .get();
  return (data[0] as PublicOpportunityDoc | undefined) ?? null;
}
