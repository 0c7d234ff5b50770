import { z } from 'zod';
import { AppError, DEFAULT_MESSAGES } from '../../_shared/errors';
import { action, type Action, type Context } from '../../_shared/function';
import { fieldErrors } from '../../_shared/validation';
import { audit, type AuditDraft } from './repo/audit';
import { isStaff } from './repo/admins';

/** A staff action's context: the verified staff member and the audit entry to record. */
export interface StaffContext extends Context {
  actor: string;
  /** `{ actor, action }`; handlers add `target` and `details`. */
  audit: AuditDraft;
}

/**
 * How an action is audited:
 * - `write`: the handler's repository records the entry in the transaction of the change (or,
 *   for a change spanning many documents, right around it);
 * - `read`: recorded here after the handler succeeded, with the target `target(input)` names.
 */
type AuditMode<I> = { kind: 'write' } | { kind: 'read'; target?: (input: I) => string | undefined };

interface StaffAction<S extends z.ZodType, R> {
  input: S;
  handle: (input: z.output<S>, ctx: StaffContext) => Promise<R>;
  audit: AuditMode<z.output<S>>;
}

export function write<S extends z.ZodType, R>(
  input: S,
  handle: (input: z.output<S>, ctx: StaffContext) => Promise<R>,
): StaffAction<S, R> {
  return { input, handle, audit: { kind: 'write' } };
}

export function read<S extends z.ZodType, R>(
  input: S,
  handle: (input: z.output<S>, ctx: StaffContext) => Promise<R>,
  target?: (input: z.output<S>) => string | undefined,
): StaffAction<S, R> {
  return { input, handle, audit: { kind: 'read', target } };
}

/**
 * Wraps staff actions: each one first re-checks `admins` by the platform's OPENID (never by input),
 * before even looking at the input, so anyone else gets FORBIDDEN and nothing is read or changed;
 * then validates the input with the action's schema (INVALID_ARGUMENT with per-field messages).
 */
export function staffOnly(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  actions: Record<string, StaffAction<any, any>>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Record<string, Action<any, any>> {
  return Object.fromEntries(
    Object.entries(actions).map(([name, staffAction]) => [
      name,
      action(z.unknown(), async (raw, ctx) => {
        const actor = ctx.caller.openId;
        if (!actor || !(await isStaff(actor))) {
          console.warn(`[admin] ${ctx.requestId} ${name} refused to a non-staff caller`);
          throw new AppError('FORBIDDEN');
        }
        const parsed = staffAction.input.safeParse(raw);
        if (!parsed.success) {
          throw new AppError(
            'INVALID_ARGUMENT',
            DEFAULT_MESSAGES.INVALID_ARGUMENT,
            fieldErrors(parsed.error),
          );
        }
        const staffCtx: StaffContext = { ...ctx, actor, audit: { actor, action: name } };
        const result: unknown = await staffAction.handle(parsed.data, staffCtx);
        if (staffAction.audit.kind === 'read') {
          const target = staffAction.audit.target?.(parsed.data);
          await audit({ ...staffCtx.audit, ...(target ? { target } : {}) }, ctx.now);
        }
        return result;
      }),
    ]),
  );
}
