import type { Envelope } from '../../../contract/api/common';
import type { SchedulerRunReport } from '../../../contract/api/scheduler';
import { DEFAULT_MESSAGES } from '../../_shared/errors';
import { run } from './run';

/**
 * Entry of the timer trigger. Only the platform's timer event runs it: a timer carries no caller,
 * whereas a call from the mini program always carries the platform-injected `userInfo`, so that
 * (or any other event) is FORBIDDEN and does nothing.
 */
function isTimerEvent(event: unknown): boolean {
  if (event === null || typeof event !== 'object') return false;
  const { Type, userInfo } = event as { Type?: unknown; userInfo?: { openId?: unknown } };
  return Type === 'Timer' && !userInfo?.openId;
}

export async function main(event: unknown): Promise<Envelope<SchedulerRunReport>> {
  if (!isTimerEvent(event)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: DEFAULT_MESSAGES.FORBIDDEN } };
  }
  try {
    return { ok: true, data: await run(new Date()) };
  } catch (error) {
    console.error('[scheduler] run failed:', error);
    return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
  }
}
