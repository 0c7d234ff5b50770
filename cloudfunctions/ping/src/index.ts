import * as z from 'zod/mini';
import { action, createMain } from '../../_shared/function';

/**
 * Liveness probe: proves that the deployed (or locally emulated) function runs and sees the caller.
 * It touches no database, so it answers even when the database is unreachable.
 */
export const main = createMain('ping', {
  ping: action(z.strictObject({}), async (_input, ctx) => ({
    pong: true as const,
    openId: ctx.caller.openId,
    serverTime: ctx.now.toISOString(),
  })),
});
