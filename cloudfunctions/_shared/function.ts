import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Envelope } from '../../contract/api/common';
import { AppError, DEFAULT_MESSAGES } from './errors';
import { app } from './repo/db';
import { fieldErrors } from './validation';

/** Who is calling, as the platform's invocation context says: never from a field of the event. */
export interface Caller {
  openId: string | null;
  appId: string | null;
}

export interface Context {
  caller: Caller;
  /** The action being run (`event.action`). */
  action: string;
  /** One clock reading per invocation, so a handler sees one consistent "now". */
  now: Date;
  requestId: string;
}

export interface Action<S extends z.ZodMiniType, R> {
  input: S;
  /** Runs before the input is even parsed: throws (e.g. FORBIDDEN) to refuse the caller. */
  authorize?(ctx: Context): Promise<void>;
  handle(input: z.output<S>, ctx: Context): Promise<R>;
}

/** Declares an action with its input schema; keeps the handler's input type tied to the schema. */
export function action<S extends z.ZodMiniType, R>(
  input: S,
  handle: (input: z.output<S>, ctx: Context) => Promise<R>,
): Action<S, R> {
  return { input, handle };
}

/** A function's contract: each action's input and output (an interface, so no index signature). */
type ApiOf<Api> = Record<keyof Api, { input: unknown; output: unknown }>;

/**
 * A function's actions declared against its contract (`contract/api/<function>`): each action's
 * schema accepts the declared input and its handler answers the declared output, so a drift between
 * the contract and the handlers fails `tsc`.
 */
export type ActionsOf<Api extends ApiOf<Api>> = {
  [A in keyof Api]: Action<z.ZodMiniType<unknown, Api[A]['input']>, Api[A]['output']>;
};

const eventSchema = z.object({
  action: z.string().check(z.minLength(1), z.maxLength(64)),
  data: z.optional(z.unknown()),
  userInfo: z.optional(z.object({ openId: z.optional(z.string()), appId: z.optional(z.string()) })),
});

const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The caller as the platform's per-invocation context says: node-sdk reads it from the variables
 * the platform sets in `process.env` for each call (`WX_OPENID`, `WX_APPID`, named by
 * `WX_CONTEXT_KEYS`). A timer, or a call from a server, carries none.
 */
function contextCaller(): { raw: string; caller: Caller } {
  const { openId, appId } = app.auth().getUserInfo();
  return { raw: openId, caller: { openId: OPENID.test(openId) ? openId : null, appId: appId || null } };
}

/**
 * A cloud function's entry: reads identity from the platform, validates the action's input with its
 * schema, runs the handler and answers the envelope. It never throws and never leaks internals:
 * unexpected errors are logged (server side) and answered as INTERNAL.
 */
export function createMain<Api extends ApiOf<Api>>(name: string, actions: ActionsOf<Api>) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    const requestId = randomUUID();
    try {
      const parsedEvent = eventSchema.safeParse(event);
      if (!parsedEvent.success) throw new AppError('INVALID_ARGUMENT', '请求格式不正确');
      const { action: actionName, data, userInfo } = parsedEvent.data;
      const { raw, caller } = contextCaller();
      // The platform writes `event.userInfo` from the same context; one that disagrees was not written by it.
      if (userInfo !== undefined && (userInfo.openId ?? '') !== raw) {
        console.warn(`[${name}] ${requestId} refused: event.userInfo disagrees with the invocation context`);
        throw new AppError('UNAUTHENTICATED');
      }
      const handler = Object.prototype.hasOwnProperty.call(actions, actionName)
        ? actions[actionName as keyof Api]
        : undefined;
      if (!handler) throw new AppError('INVALID_ARGUMENT', '不支持的操作');
      const ctx: Context = { caller, action: actionName, now: new Date(), requestId };
      await handler.authorize?.(ctx);
      const input = handler.input.safeParse(data ?? {});
      if (!input.success) {
        throw new AppError('INVALID_ARGUMENT', DEFAULT_MESSAGES.INVALID_ARGUMENT, fieldErrors(input.error));
      }
      return { ok: true, data: await handler.handle(input.data, ctx) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toApiError() };
      console.error(`[${name}] ${requestId} failed:`, error);
      return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
    }
  };
}

/** The caller's OPENID, or UNAUTHENTICATED when the platform gave none. */
export function requireOpenId(ctx: Context): string {
  if (!ctx.caller.openId) throw new AppError('UNAUTHENTICATED');
  return ctx.caller.openId;
}
