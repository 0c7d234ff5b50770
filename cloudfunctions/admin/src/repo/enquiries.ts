import { COLLECTIONS } from '../../../../contract/constants';
import type { Enquiry, EnquiryKind, EnquiryStatus, EnquiryTopic } from '../../../../contract/models';
import { _, db, MAX_PAGE } from '../../../_shared/repo/db';
import { pageDesc, type After, type PageOf } from '../../../_shared/repo/keyset';
import { decideAndWrite, type Decision } from '../../../_shared/repo/write';

const collection = () => db.collection(COLLECTIONS.enquiries);

export interface EnquiryFilter {
  statuses?: readonly EnquiryStatus[];
  topic?: EnquiryTopic;
  kind?: EnquiryKind;
}

function where(filter: EnquiryFilter): Record<string, unknown> {
  const statuses = filter.statuses;
  return {
    ...(statuses ? { status: statuses.length === 1 ? statuses[0] : _.in([...statuses]) } : {}),
    ...(filter.topic ? { topic: filter.topic } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
  };
}

/** The inbox: newest first. */
export function listEnquiries(
  filter: EnquiryFilter,
  after: After | null,
  limit: number,
): Promise<PageOf<Enquiry>> {
  return pageDesc<Enquiry>(COLLECTIONS.enquiries, where(filter), 'createdAt', after, limit);
}

/** How many enquiries the filter matches. */
export async function countEnquiries(filter: EnquiryFilter): Promise<number> {
  const { total } = await collection().where(where(filter)).count();
  return total;
}

/** Every enquiry the filter matches, newest first, read page by page. */
export async function allEnquiries(filter: EnquiryFilter): Promise<Enquiry[]> {
  const all: Enquiry[] = [];
  let after: After | null = null;
  for (;;) {
    const page: PageOf<Enquiry> = await pageDesc<Enquiry>(
      COLLECTIONS.enquiries,
      where(filter),
      'createdAt',
      after,
      MAX_PAGE - 1,
    );
    all.push(...page.items);
    const last = page.items[page.items.length - 1];
    if (!page.hasMore || !last) return all;
    after = { at: last.createdAt, id: last._id };
  }
}

export async function findEnquiry(id: string): Promise<Enquiry | null> {
  const { data } = await collection().where({ _id: id }).limit(1).get();
  return ((data as Enquiry[])[0] as Enquiry | undefined) ?? null;
}

export function changeEnquiry<R>(id: string, now: Date, decide: (current: Enquiry | null) => Decision<R>) {
  return decideAndWrite<Enquiry, R>(COLLECTIONS.enquiries, id, now, decide);
}

/** Every enquiry of one person (with any stored `files`), for erasure to find all their copies. */
export async function enquiriesOfSubmitter(openId: string): Promise<(Enquiry & { files?: string[] })[]> {
  const docs: (Enquiry & { files?: string[] })[] = [];
  let after: After | null = null;
  for (;;) {
    const page: PageOf<Enquiry & { files?: string[] }> = await pageDesc(
      COLLECTIONS.enquiries,
      { _openid: openId },
      'createdAt',
      after,
      MAX_PAGE - 1,
    );
    docs.push(...page.items);
    const last = page.items[page.items.length - 1];
    if (!page.hasMore || !last) return docs;
    after = { at: last.createdAt, id: last._id };
  }
}

/** Deletes every enquiry of one submitter; answers how many. */
export async function removeEnquiriesOf(openId: string): Promise<number> {
  const { deleted } = (await collection().where({ _openid: openId }).remove()) as { deleted?: number };
  return deleted ?? 0;
}

/** Deletes the submission-rate record of one submitter (it names their OPENID). */
export async function removeRateLimitOf(openId: string): Promise<void> {
  await db
    .collection(COLLECTIONS.rateLimits)
    .where({ _id: `enquiry:${openId}` })
    .remove();
}
