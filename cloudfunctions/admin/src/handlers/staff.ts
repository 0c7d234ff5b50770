import { COLLECTIONS } from '../../../../contract/constants';
import type { StaffMember } from '../../../../contract/api/admin';
import type { StaffContext } from '../guard';
import { ENQUIRY_ALERT_TOPIC } from '../../../_shared/models';
import { addStaff, listStaff, removeStaff } from '../repo/admins';
import { removeSubscriptionsOf } from '../../../_shared/repo/subscriptions';
import { compact, iso } from './common';

const target = (openId: string) => `${COLLECTIONS.admins}/${openId}`;

export async function staffList(_input: Record<string, never>, ctx: StaffContext) {
  const members = await listStaff();
  const items: StaffMember[] = members.map((member) =>
    compact({
      openId: member._id,
      name: member.name,
      addedAt: iso(member.addedAt),
      addedBy: member.addedBy,
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
