import type * as z from 'zod/mini';
import { AppError } from '../../_shared/errors';
import type { Action, Context } from '../../_shared/function';
import { audit, type AuditDraft } from '../../_shared/repo/audit';
import type { AdminDoc } from '../../_shared/models';
import { staffMember } from './repo/admins';

/** A staff action's context: the verified staff member and the start of the audit entry. */
export interface StaffContext extends Context {
  actor: string;
  /** The actor's display name, when they have one. */
  actorName?: string;
  /** `{ actor, action }`: a write handler spreads it into the entry it records with its change. */
  readonly audit: Readonly<AuditDraft>;
}

/** What a read handler says about what it did, for the audit entry the entry point records. */
export interface AuditNote {
  target?: string;
  details?: Record<string, unknown>;
}

/** A read handler's answer and its audit note. */
export interface Audited<R> {
  result: R;
  audit: AuditNote;
}

type StaffHandler<S extends z.ZodMiniType, R> = (input: z.output<S>, ctx: StaffContext) => Promise<R>;

/**
 * A write: the handler's repository records the audit entry in the transaction of the change (or,
 * for a change spanning many documents, right around it).
 */
export function write<S extends z.ZodMiniType, R>(input: S, handle: StaffHandler<S, R>): Action<S, R> {
  return staffAction(input, (data, ctx) => handle(data, ctx));
}

/** A read audited after the handler succeeded, naming the target `target(input)` gives. */
export function read<S extends z.ZodMiniType, R>(
  input: S,
  handle: StaffHandler<S, R>,
  target?: (input: z.output<S>) => string | undefined,
): Action<S, R> {
  return staffAction(input, async (data, ctx) => {
    const result = await handle(data, ctx);
    const named = target?.(data);
    await audit({ ...ctx.audit, ...(named ? { target: named } : {}) }, ctx.now);
    return result;
  });
}

/** A read whose handler returns what the audit entry records beside its answer. */
export function audited<S extends z.ZodMiniType, R>(
  input: S,
  handle: StaffHandler<S, Audited<R>>,
): Action<S, R> {
  return staffAction(input, async (data, ctx) => {
    const { result, audit: note } = await handle(data, ctx);
    await audit({ ...ctx.audit, ...note }, ctx.now);
    return result;
  });
}

/**
 * A staff-only action: before the input is even looked at, the caller is re-checked in `admins`
 * by the platform's OPENID (never by input), so anyone else gets FORBIDDEN and nothing is read or
 * changed; the entry point then validates the input with the action's schema.
 */
function staffAction<S extends z.ZodMiniType, R>(input: S, handle: StaffHandler<S, R>): Action<S, R> {
  return {
    input,
    async authorize(ctx) {
      const actor = ctx.caller.openId;
      const member = actor ? await staffMember(actor) : null;
      if (!member) {
        console.warn(`[admin] ${ctx.requestId} ${ctx.action} refused to a non-staff caller`);
        throw new AppError('FORBIDDEN');
      }
      verified.set(ctx, member);
    },
    handle(data, ctx) {
      const member = verified.get(ctx);
      if (!member) throw new AppError('FORBIDDEN');
      const actor = member._id;
      const named = member.name ? { actorName: member.name } : {};
      return handle(data, { ...ctx, actor, ...named, audit: { actor, ...named, action: ctx.action } });
    },
  };
}

/**
 * The staff record `authorize` found, for the same invocation's `handle` (the entry passes both the
 * same context object): one read, and the audit entry names who acted.
 */
const verified = new WeakMap<Context, AdminDoc>();
