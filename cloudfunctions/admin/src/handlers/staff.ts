import { COLLECTIONS, INVITE_TTL_HOURS } from '../../../../contract/constants';
import type { StaffInviteOutput, StaffMember } from '../../../../contract/api/admin';
import { AppError } from '../../../_shared/errors';
import { requireOpenId, type Context } from '../../../_shared/function';
import type { StaffContext } from '../guard';
import { ENQUIRY_ALERT_TOPIC } from '../../../_shared/models';
import { inviteKey, newInviteCode } from '../invites';
import { addStaff, createInvite, listStaff, redeemInvite, removeStaff, renameStaff } from '../repo/admins';
import { removeSubscriptionsOf } from '../../../_shared/repo/subscriptions';
import { messages } from '../i18n';
import { compact, iso } from './common';

const target = (openId: string) => `${COLLECTIONS.admins}/${openId}`;

export async function staffList(_input: Record<string, never>, ctx: StaffContext) {
  const members = await listStaff();
  // Whoever added a member is named only by their display name, looked up among the roster.
  const names = new Map(
    members.flatMap((member) => (member.name ? [[member._id, member.name] as const] : [])),
  );
  const items: StaffMember[] = members.map((member) =>
    compact({
      openId: member._id,
      name: member.name,
      addedAt: iso(member.addedAt),
      addedByName: names.get(member.addedBy),
      self: member._id === ctx.actor,
    }),
  );
  return { items };
}

/** Adds a staff member (or renames one already on the roster). */
export async function staffAdd(input: { openId: string; name?: string }, ctx: StaffContext) {
  const added = await addStaff(input, { ...ctx.audit, target: target(input.openId) }, ctx.now);
  return { openId: input.openId, added };
}

/** Removes a staff member, never the last one; their new-enquiry alert credits go with them. */
export async function staffRemove(input: { openId: string }, ctx: StaffContext) {
  await removeStaff(input.openId, { ...ctx.audit, target: target(input.openId) }, ctx.now);
  await removeSubscriptionsOf(input.openId, ENQUIRY_ALERT_TOPIC);
  return { openId: input.openId };
}

const HOUR_MS = 3600_000;

/** A one-time invitation: the code is answered once and stored only as a hash. */
export async function staffInvite(input: { name: string }, ctx: StaffContext): Promise<StaffInviteOutput> {
  const code = newInviteCode();
  const key = inviteKey(code);
  const expiresAt = new Date(ctx.now.getTime() + INVITE_TTL_HOURS * HOUR_MS);
  await createInvite(
    { _id: key, name: input.name, createdBy: ctx.actor, createdAt: ctx.now, expiresAt },
    {
      ...ctx.audit,
      target: `${COLLECTIONS.invites}/${key}`,
      details: { name: input.name, expiresAt: iso(expiresAt) },
    },
    ctx.now,
  );
  return { code, expiresAt: iso(expiresAt) };
}

/** The caller becomes staff with a valid code; any other code is FORBIDDEN (and counts as a failure). */
export async function staffRedeem(
  input: { code: string; name: string },
  ctx: Context,
): Promise<{ isAdmin: true }> {
  const openId = requireOpenId(ctx);
  const outcome = await redeemInvite(openId, inviteKey(input.code), input.name, ctx.now);
  if (outcome === 'rate_limited') throw new AppError('RATE_LIMITED');
  if (outcome === 'refused') throw new AppError('FORBIDDEN', messages.inviteInvalid);
  return { isAdmin: true };
}

/** Changes the caller's own display name. */
export async function staffRename(input: { name: string }, ctx: StaffContext): Promise<{ name: string }> {
  await renameStaff(ctx.actor, input.name, { ...ctx.audit, target: target(ctx.actor) }, ctx.now);
  return { name: input.name };
}
