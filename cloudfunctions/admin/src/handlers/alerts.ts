import { COLLECTIONS } from '../../../../contract/constants';
import type { AlertsSubscribeOutput } from '../../../../contract/api/admin';
import type { StaffContext } from '../guard';
import { ENQUIRY_ALERT_TOPIC } from '../../../_shared/models';
import { audit } from '../../../_shared/repo/audit';
import type { Audited } from '../guard';
import { claimSubscription, countOpenOf, removeSubscriptionsOf } from '../../../_shared/repo/subscriptions';

/** Open alert credits one staff member may hold (each allows one message). */
export const MAX_OPEN_ALERTS = 20;

/**
 * Records one accepted new-enquiry alert (after `wx.requestSubscribeMessage` in the staff pages):
 * the next new enquiry sends this staff member one subscription message and uses the credit up.
 */
export async function alertsSubscribe(
  _input: Record<string, never>,
  ctx: StaffContext,
): Promise<AlertsSubscribeOutput> {
  const open = await countOpenOf(ctx.actor, ENQUIRY_ALERT_TOPIC);
  if (open >= MAX_OPEN_ALERTS) {
    await audit({ ...ctx.audit, details: { recorded: false, open } }, ctx.now);
    return { open, recorded: false };
  }
  // The count above answers most calls cheaply; the cap itself holds in the conditional claim.
  const id = await claimSubscription(ctx.actor, ENQUIRY_ALERT_TOPIC, MAX_OPEN_ALERTS, ctx.now);
  await audit(
    {
      ...ctx.audit,
      ...(id ? { target: `${COLLECTIONS.subscriptions}/${id}` } : {}),
      details: { recorded: id !== null },
    },
    ctx.now,
  );
  return { open: await countOpenOf(ctx.actor, ENQUIRY_ALERT_TOPIC), recorded: id !== null };
}

/** The alerts switch turned off: the caller's alerts are withdrawn, so no new enquiry messages them. */
export async function alertsUnsubscribe(
  _input: Record<string, never>,
  ctx: StaffContext,
): Promise<Audited<{ open: 0 }>> {
  const removed = await removeSubscriptionsOf(ctx.actor, ENQUIRY_ALERT_TOPIC);
  return { result: { open: 0 }, audit: { details: { removed } } };
}
