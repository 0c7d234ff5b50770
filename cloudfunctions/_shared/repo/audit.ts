import { COLLECTIONS } from '../../../contract/constants';
import type { AuditEntry } from '../../../contract/models';
import { db, type Transaction } from './db';

/** What an audit entry says; `at` is the invocation's clock. */
export type AuditDraft = Omit<AuditEntry, '_id' | 'at'>;

function entry(draft: AuditDraft, at: Date): Omit<AuditEntry, '_id'> {
  return {
    actor: draft.actor,
    ...(draft.actorName ? { actorName: draft.actorName } : {}),
    action: draft.action,
    ...(draft.target ? { target: draft.target } : {}),
    at,
    ...(draft.details ? { details: draft.details } : {}),
  };
}

/** Records the entry in the same transaction as the change it describes. */
export async function auditIn(tx: Transaction, draft: AuditDraft, at: Date): Promise<void> {
  await tx.collection(COLLECTIONS.audit).add(entry(draft, at));
}

/** Records the entry on its own: for reads, and right after changes a transaction cannot hold. */
export async function audit(draft: AuditDraft, at: Date): Promise<string> {
  const { id } = (await db.collection(COLLECTIONS.audit).add(entry(draft, at))) as { id: string };
  return String(id);
}

/** Completes an entry written before a multi-document change with what the change did. */
export async function completeAudit(id: string, details: Record<string, unknown>): Promise<void> {
  await db.collection(COLLECTIONS.audit).doc(id).update({ details });
}
