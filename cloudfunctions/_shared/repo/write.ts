import { auditIn, type AuditDraft } from './audit';
import { _, inTransaction, readIn } from './db';

/**
 * Fields to change on a document: each value replaces the field whole (objects are not merged
 * key by key); `undefined` removes the field.
 */
export type Patch = Record<string, unknown>;

function toUpdate(patch: Patch): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(patch).map(([field, value]) => [field, value === undefined ? _.remove() : _.set(value)]),
  );
}

/** What a handler decides about one document, given its current state. */
export interface Decision<R> {
  /** Absent or empty: nothing changes (the audit entry is still written). */
  patch?: Patch;
  /** Staff actions always record one; the scheduler records one per run instead. */
  audit?: AuditDraft;
  result: R;
}

/**
 * Reads one document, lets `decide` (pure: it may run again when the transaction is retried) say
 * what changes, and writes the change and its audit entry in one transaction.
 */
export function decideAndWrite<T, R>(
  collection: string,
  id: string,
  now: Date,
  decide: (current: T | null) => Decision<R>,
): Promise<R> {
  return inTransaction(async (tx) => {
    const decision = decide(await readIn<T>(tx, collection, id));
    if (decision.patch && Object.keys(decision.patch).length > 0) {
      await tx.collection(collection).doc(id).update(toUpdate(decision.patch));
    }
    if (decision.audit) await auditIn(tx, decision.audit, now);
    return decision.result;
  });
}

/** Inserts a new document and its audit entry (which names the new `_id`) in one transaction. */
export function insertWithAudit(
  collection: string,
  doc: Record<string, unknown>,
  auditFor: (id: string) => AuditDraft,
  now: Date,
): Promise<string> {
  return inTransaction(async (tx) => {
    const { id } = (await tx.collection(collection).add(doc)) as { id: string | number };
    await auditIn(tx, auditFor(String(id)), now);
    return String(id);
  });
}
