import {
  CHINA_OFFSET_MS,
  COLLECTIONS,
  ENQUIRY_RATE_LIMIT_PER_HOUR,
  MAX_OPEN_REPLY_SUBSCRIPTIONS,
} from '../../../../contract/constants';
import type { Enquiry, ReplySubscription } from '../../../../contract/models';
import { isDuplicateKeyError } from '../../../_shared/cloud';
import { _, db, inTransaction, readIn, type Transaction } from '../../../_shared/repo/db';
import { pageDesc, type After, type PageOf } from '../../../_shared/repo/keyset';

const HOUR_MS = 3600_000;
/** Concurrent submissions from one caller contend on one rate document; retry the transaction on conflict. */
const TRANSACTION_ATTEMPTS = 10;

export type NewEnquiry = Omit<Enquiry, '_id'>;

type Earlier = Pick<Enquiry, '_id' | 'status' | 'ref'>;

export type InsertOutcome =
  | { kind: 'inserted'; id: string; ref: string }
  | { kind: 'duplicate'; existing: Earlier }
  | { kind: 'rate_limited' };

/** The caller's enquiry with this requestId, if any. */
export async function findByRequestId(openId: string, requestId: string): Promise<Earlier | null> {
  const { data } = await db
    .collection(COLLECTIONS.enquiries)
    .where({ _openid: openId, requestId })
    .field({ _id: true, status: true, ref: true })
    .limit(1)
    .get();
  return (data[0] as Earlier | undefined) ?? null;
}

/** References show at least this many sequence digits (`CDR-20261205-007`). */
const REF_SEQUENCE_DIGITS = 3;

/**
 * The next reference of the China day `now` falls on: `CDR-YYYYMMDD-NNN`. The day's counter is
 * incremented atomically on the database (one conditional update, no read-then-write), so
 * concurrent submissions from any number of callers each get their own number without contending
 * in a transaction; a number drawn by a submission that is then refused (rate limit, a concurrent
 * duplicate) is skipped, never handed out again. One round trip, except for the day's first
 * submission, which creates the counter (or finds that a concurrent one just did).
 */
export async function nextRef(now: Date): Promise<string> {
  const day = new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
  const id = `enquiry-ref:${day}`;
  const counters = db.collection(COLLECTIONS.counters);
  const increment = async () => {
    const { doc } = (await counters.where({ _id: id }).updateAndReturn({ seq: _.inc(1) })) as {
      doc?: { seq?: number } | null;
    };
    return doc?.seq;
  };
  let seq = await increment();
  if (seq === undefined) {
    try {
      await counters.add({ _id: id, seq: 0, createdAt: now });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    seq = await increment();
  }
  if (typeof seq !== 'number') throw new Error(`reference counter ${id} was not incremented`);
  return `CDR-${day}-${String(seq).padStart(REF_SEQUENCE_DIGITS, '0')}`;
}

/**
 * Numbers a new enquiry (`nextRef`) and stores it, claiming one of the caller's hourly submission
 * slots in one transaction: both happen or neither does. The number is drawn while the transaction
 * reads the caller's slots (once, also when a conflict retries the transaction). The unique index
 * on (_openid, requestId) makes a concurrent retry of the same submission fail as a duplicate
 * instead of storing a second record.
 */
export async function insertWithinRateLimit(
  draft: Omit<NewEnquiry, 'ref'>,
  now: Date,
): Promise<InsertOutcome> {
  const rateId = `enquiry:${draft._openid}`;
  let drawn: Promise<string> | undefined;
  try {
    return (await db.runTransaction(async (transaction: Transaction) => {
      const rateRef = transaction.collection(COLLECTIONS.rateLimits).doc(rateId);
      drawn ??= nextRef(now);
      const [{ data }, ref] = await Promise.all([rateRef.get(), drawn]);
      const current = data as { stamps?: Date[] } | null;
      const recent = (current?.stamps ?? []).filter(
        (stamp) => now.getTime() - new Date(stamp).getTime() < HOUR_MS,
      );
      if (recent.length >= ENQUIRY_RATE_LIMIT_PER_HOUR) return { kind: 'rate_limited' } as const;
      await rateRef.set({ stamps: [...recent, now], updatedAt: now });
      const { id } = await transaction.collection(COLLECTIONS.enquiries).add({ ...draft, ref });
      return { kind: 'inserted', id: String(id), ref } as const;
    }, TRANSACTION_ATTEMPTS)) as InsertOutcome;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const existing = await findByRequestId(draft._openid, draft.requestId);
    if (!existing) throw error;
    return { kind: 'duplicate', existing };
  }
}

/** The caller's own enquiry, or null: another caller's, an unknown or an erased one look the same. */
export async function findOwn(openId: string, id: string): Promise<Enquiry | null> {
  const { data } = await db
    .collection(COLLECTIONS.enquiries)
    .where({ _id: id, _openid: openId })
    .limit(1)
    .get();
  return (data[0] as Enquiry | undefined) ?? null;
}

export type SubscribeOutcome = { kind: 'not_found' } | { kind: 'done'; open: number; recorded: boolean };

/**
 * Records one accepted reply subscription of the submitter on their enquiry, at most
 * MAX_OPEN_REPLY_SUBSCRIPTIONS open at once: read and written in one transaction, so concurrent
 * calls cannot together pass the cap.
 */
export function addReplySubscription(openId: string, id: string, now: Date): Promise<SubscribeOutcome> {
  return inTransaction(async (tx) => {
    const doc = await readIn<Enquiry>(tx, COLLECTIONS.enquiries, id);
    if (!doc || doc._openid !== openId) return { kind: 'not_found' } as const;
    const subscriptions = doc.replySubscriptions ?? [];
    const open = subscriptions.filter((subscription) => subscription.status === 'open').length;
    if (open >= MAX_OPEN_REPLY_SUBSCRIPTIONS) return { kind: 'done', open, recorded: false } as const;
    const added: ReplySubscription = {
      id: `${now.getTime()}-${subscriptions.length}`,
      at: now,
      status: 'open',
    };
    await tx
      .collection(COLLECTIONS.enquiries)
      .doc(id)
      .update({ replySubscriptions: [...subscriptions, added] });
    return { kind: 'done', open: open + 1, recorded: true } as const;
  });
}

/** The caller's enquiries, newest first, after the (createdAt, _id) cursor position. */
export function listMine(openId: string, after: After | null, limit: number): Promise<PageOf<Enquiry>> {
  return pageDesc<Enquiry>(COLLECTIONS.enquiries, { _openid: openId }, 'createdAt', after, limit);
}
