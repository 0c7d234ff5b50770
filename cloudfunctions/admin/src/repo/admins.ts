import { COLLECTIONS } from '../../../../contract/constants';
import { AppError } from '../../../_shared/errors';
import { messages } from '../i18n';
import type { AdminDoc } from '../../../_shared/models';
import { auditIn, type AuditDraft } from '../../../_shared/repo/audit';
import { _, db, inTransaction, readIn, readOne } from '../../../_shared/repo/db';

/**
 * Changes to the roster serialise on this document: each one writes it in its transaction, so two
 * concurrent removals conflict and the retry sees the other's result (never zero staff).
 */
const ROSTER_LOCK_ID = 'staff-roster';

export async function isStaff(openId: string): Promise<boolean> {
  return (await readOne<AdminDoc>(COLLECTIONS.admins, openId)) !== null;
}

export async function listStaff(): Promise<AdminDoc[]> {
  const { data } = await db.collection(COLLECTIONS.admins).orderBy('addedAt', 'asc').limit(1000).get();
  return data as AdminDoc[];
}

export async function addStaff(
  member: { openId: string; name?: string },
  audit: AuditDraft,
  now: Date,
): Promise<boolean> {
  return inTransaction(async (tx) => {
    await tx.collection(COLLECTIONS.locks).doc(ROSTER_LOCK_ID).set({ updatedAt: now });
    const existing = await readIn<AdminDoc>(tx, COLLECTIONS.admins, member.openId);
    const ref = tx.collection(COLLECTIONS.admins).doc(member.openId);
    if (existing) {
      if (member.name !== undefined) await ref.update({ name: member.name });
    } else {
      await ref.set({
        addedAt: now,
        addedBy: audit.actor,
        ...(member.name !== undefined ? { name: member.name } : {}),
      });
    }
    await auditIn(tx, { ...audit, details: { added: !existing } }, now);
    return !existing;
  });
}

/** Removes a staff member; never the last one (CONFLICT). */
export async function removeStaff(openId: string, audit: AuditDraft, now: Date): Promise<void> {
  await inTransaction(async (tx) => {
    await tx.collection(COLLECTIONS.locks).doc(ROSTER_LOCK_ID).set({ updatedAt: now });
    const existing = await readIn<AdminDoc>(tx, COLLECTIONS.admins, openId);
    if (!existing) throw new AppError('NOT_FOUND', messages.staffNotFound);
    // Counted outside the transaction (counts cannot join one); the lock write above makes any
    // concurrent roster change conflict, so this count cannot be stale at commit.
    const { total } = await db.collection(COLLECTIONS.admins).count();
    if (total <= 1) throw new AppError('CONFLICT', messages.lastStaff);
    await tx.collection(COLLECTIONS.admins).doc(openId).remove();
    await auditIn(tx, audit, now);
  });
}
