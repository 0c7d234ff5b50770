import type { SubscribeOutput } from '../../../../contract/api/content';
import { requireOpenId, type Context } from '../../../_shared/function';
import { OPEN_SUBSCRIPTIONS_MAX } from '../constants';
import { addSubscription, countOpen } from '../repo/subscriptions';
import type { SubscribeInput } from '../schema';

/** Records one accepted one-time subscription of the caller (identity from the platform only). */
export async function subscribe(input: SubscribeInput, ctx: Context): Promise<SubscribeOutput> {
  const openId = requireOpenId(ctx);
  const open = await countOpen(openId, input.topic);
  if (open >= OPEN_SUBSCRIPTIONS_MAX) return { topic: input.topic, open, recorded: false };
  await addSubscription({ _openid: openId, topic: input.topic, status: 'open', createdAt: ctx.now });
  return { topic: input.topic, open: open + 1, recorded: true };
}
