/**
 * Liveness probe: proves that the deployed (or locally emulated) function runs and sees the caller.
 * It touches no SDK so it answers even when the database is unreachable.
 */

interface PingEvent {
  action?: unknown;
  userInfo?: { openId?: unknown };
}

type PingResult =
  | { ok: true; data: { pong: true; openId: string | null; serverTime: string } }
  | { ok: false; error: { code: 'INVALID_ARGUMENT'; message: string } };

export async function main(event: PingEvent, _context?: unknown): Promise<PingResult> {
  if (event?.action !== 'ping') {
    return { ok: false, error: { code: 'INVALID_ARGUMENT', message: '不支持的操作' } };
  }
  // The platform overwrites userInfo on every call, so it is the only trustworthy identity.
  const openId = typeof event.userInfo?.openId === 'string' ? event.userInfo.openId : null;
  return { ok: true, data: { pong: true, openId, serverTime: new Date().toISOString() } };
}
