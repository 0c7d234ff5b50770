import type { SubscribeOutput } from '../../../../contract/api/content';
import { requireOpenId, type Context } from '../../../_shared/function';
import { OPEN_SUBSCRIPTIONS_MAX } from '../constants';
import { claimSubscription, countOpen } from '../repo/subscriptions';
import type { SubscribeInput } from '../schema';

/** Records one accepted one-time subscription of the caller (identity from the platform only). */
export async function subscribe(input: SubscribeInput, ctx: Context): Promise<SubscribeOutput> {
  const openId = requireOpenId(ctx);
  const open = await countOpen(openId, input.topic);
  if (open >= OPEN_SUBSCRIPTIONS_MAX) return { topic: input.topic, open, recorded: false };
  // The count above answers most calls cheaply; the cap itself holds in the conditional claim.
  const recorded = (await claimSubscription(openId, input.topic, OPEN_SUBSCRIPTIONS_MAX, ctx.now)) !== null;
  return { topic: input.topic, open: await countOpen(openId, input.topic), recorded };
}
