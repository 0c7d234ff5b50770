import { COLLECTIONS, ENQUIRY_RATE_LIMIT_PER_HOUR } from '../../../../contract/constants';
import type { Enquiry } from '../../../../contract/models';
import { isDuplicateKeyError } from '../../../_shared/cloud';
import { db, type Transaction } from '../../../_shared/repo/db';
import { pageDesc, type After, type PageOf } from '../../../_shared/repo/keyset';

const HOUR_MS = 3600_000;
/** Concurrent submissions from one caller contend on one rate document; retry the transaction on conflict. */
const TRANSACTION_ATTEMPTS = 10;

export type NewEnquiry = Omit<Enquiry, '_id'>;

export type InsertOutcome =
  | { kind: 'inserted'; id: string }
  | { kind: 'duplicate'; existing: Pick<Enquiry, '_id' | 'status'> }
  | { kind: 'rate_limited' };

/** The caller's enquiry with this requestId, if any. */
export async function findByRequestId(
  openId: string,
  requestId: string,
): Promise<Pick<Enquiry, '_id' | 'status'> | null> {
  const { data } = await db
    .collection(COLLECTIONS.enquiries)
    .where({ _openid: openId, requestId })
    .field({ _id: true, status: true })
    .limit(1)
    .get();
  return (data[0] as Pick<Enquiry, '_id' | 'status'> | undefined) ?? null;
}

/**
 * Stores a new enquiry and claims one of the caller's hourly submission slots in one transaction:
 * both happen or neither does. The unique index on (_openid, requestId) makes a concurrent retry of
 * the same submission fail as a duplicate instead of storing a second record.
 */
export async function insertWithinRateLimit(doc: NewEnquiry, now: Date): Promise<InsertOutcome> {
  const rateId = `enquiry:${doc._openid}`;
  try {
    return (await db.runTransaction(async (transaction: Transaction) => {
      const rateRef = transaction.collection(COLLECTIONS.rateLimits).doc(rateId);
      const current = (await rateRef.get()).data as { stamps?: Date[] } | null;
      const recent = (current?.stamps ?? []).filter(
        (stamp) => now.getTime() - new Date(stamp).getTime() < HOUR_MS,
      );
      if (recent.length >= ENQUIRY_RATE_LIMIT_PER_HOUR) return { kind: 'rate_limited' } as const;
      await rateRef.set({ stamps: [...recent, now], updatedAt: now });
      const { id } = await transaction.collection(COLLECTIONS.enquiries).add(doc);
      return { kind: 'inserted', id: String(id) } as const;
    }, TRANSACTION_ATTEMPTS)) as InsertOutcome;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const existing = await findByRequestId(doc._openid, doc.requestId);
    if (!existing) throw error;
    return { kind: 'duplicate', existing };
  }
}

/** The caller's enquiries, newest first, after the (createdAt, _id) cursor position. */
export function listMine(openId: string, after: After | null, limit: number): Promise<PageOf<Enquiry>> {
  return pageDesc<Enquiry>(COLLECTIONS.enquiries, { _openid: openId }, 'createdAt', after, limit);
}
