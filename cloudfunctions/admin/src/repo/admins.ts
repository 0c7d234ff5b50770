import { COLLECTIONS, INVITE_FAILURES_PER_HOUR } from '../../../../contract/constants';
import type { Invite } from '../../../../contract/models';
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
  return (await staffMember(openId)) !== null;
}

/** The caller's staff record, or null when they are not staff. */
export function staffMember(openId: string): Promise<AdminDoc | null> {
  return readOne<AdminDoc>(COLLECTIONS.admins, openId);
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

/** Sets a staff member's own display name. */
export async function renameStaff(openId: string, name: string, audit: AuditDraft, now: Date): Promise<void> {
  await inTransaction(async (tx) => {
    const existing = await readIn<AdminDoc>(tx, COLLECTIONS.admins, openId);
    if (!existing) throw new AppError('NOT_FOUND', messages.staffNotFound);
    await tx.collection(COLLECTIONS.admins).doc(openId).update({ name });
    await auditIn(tx, { ...audit, actorName: name, details: { from: existing.name ?? null } }, now);
  });
}

/** Stores a new invitation (by the hash of its code) with its audit entry. */
export async function createInvite(invite: Invite, audit: AuditDraft, now: Date): Promise<void> {
  await inTransaction(async (tx) => {
    const { _id, ...fields } = invite;
    await tx.collection(COLLECTIONS.invites).doc(_id).set(fields);
    await auditIn(tx, audit, now);
  });
}

export type RedeemOutcome = 'redeemed' | 'refused' | 'rate_limited';

const HOUR_MS = 3600_000;
const redeemRateId = (openId: string) => `invite:${openId}`;

/**
 * Redeems an invitation in one transaction: the caller's recent failures are checked first, an
 * unknown, used or expired code only records one more failure, and a good one is marked used (the
 * transaction's conflict check makes that conditional: of two concurrent redemptions one retries and
 * finds it used) while the caller joins the roster under `name`, audited.
 */
export function redeemInvite(
  openId: string,
  codeHash: string,
  name: string,
  now: Date,
): Promise<RedeemOutcome> {
  return inTransaction(async (tx): Promise<RedeemOutcome> => {
    const rateRef = tx.collection(COLLECTIONS.rateLimits).doc(redeemRateId(openId));
    const rate = await readIn<{ stamps?: Date[] }>(tx, COLLECTIONS.rateLimits, redeemRateId(openId));
    const recent = (rate?.stamps ?? []).filter(
      (stamp) => now.getTime() - new Date(stamp).getTime() < HOUR_MS,
    );
    if (recent.length >= INVITE_FAILURES_PER_HOUR) return 'rate_limited';
    const invite = await readIn<Invite>(tx, COLLECTIONS.invites, codeHash);
    if (!invite || invite.usedAt || new Date(invite.expiresAt).getTime() <= now.getTime()) {
      await rateRef.set({ stamps: [...recent, now], updatedAt: now });
      return 'refused';
    }
    await tx.collection(COLLECTIONS.locks).doc(ROSTER_LOCK_ID).set({ updatedAt: now });
    await tx.collection(COLLECTIONS.invites).doc(codeHash).update({ usedAt: now, usedBy: openId });
    const existing = await readIn<AdminDoc>(tx, COLLECTIONS.admins, openId);
    const ref = tx.collection(COLLECTIONS.admins).doc(openId);
    if (existing) await ref.update({ name });
    else await ref.set({ addedAt: now, addedBy: invite.createdBy, name });
    await auditIn(
      tx,
      {
        actor: openId,
        actorName: name,
        action: 'staff.redeem',
        target: `${COLLECTIONS.admins}/${openId}`,
        details: { invite: `${COLLECTIONS.invites}/${codeHash}`, invitedAs: invite.name, added: !existing },
      },
      now,
    );
    return 'redeemed';
  });
}
