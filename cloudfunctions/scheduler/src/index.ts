import type { Envelope } from '../../../contract/api/common';
import type { SchedulerRunReport } from '../../../contract/api/scheduler';
import { DEFAULT_MESSAGES } from '../../_shared/errors';
import { run } from './run';

/**
 * Entry of the timer trigger. It runs only when the platform says this invocation is its timer:
 * `TRIGGER_SRC=timer` in the invocation's environment (set by the platform, never by a caller) and
 * the timer's event, which carries no caller. A call from the mini program, over HTTP or from a
 * server is FORBIDDEN and does nothing, whatever its event looks like.
 */
function isTimerInvocation(event: unknown): boolean {
  if (process.env.TRIGGER_SRC !== 'timer') return false;
  if (event === null || typeof event !== 'object') return false;
  const { Type, userInfo } = event as { Type?: unknown; userInfo?: { openId?: unknown } };
  return Type === 'Timer' && !userInfo?.openId;
}

export async function main(event: unknown): Promise<Envelope<SchedulerRunReport>> {
  if (!isTimerInvocation(event)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: DEFAULT_MESSAGES.FORBIDDEN } };
  }
  try {
    return { ok: true, data: await run(new Date()) };
  } catch (error) {
    console.error('[scheduler] run failed:', error);
    return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
  }
}
