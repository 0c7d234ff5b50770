import * as z from 'zod/mini';
import { MESSAGES, RULE_TEXTS_ZH } from '../../contract/messages.zh';
import {
  cloudFileProblem,
  cursor as cursorRule,
  dateProblem,
  dateSpanProblem,
  dateTimeProblem,
  docId as docIdRule,
  httpsUrlProblem,
  isPublicFile,
  numberProblem,
  onlyPublicFiles,
  patternProblem,
  render,
  textProblem,
  typeSay,
  type CrossCheck,
  type In,
  type ObjectRule,
  type Out,
  type Rule,
  type Say,
} from '../../contract/rules';

/**
 * zod schemas built from the shared rules (contract/rules.ts), with the rules' Chinese messages,
 * and the mapping of validation issues to per-field messages. Single values are judged by the
 * rules' own checks, so the mini program, which runs the same checks, says the same.
 *
 * `zod/mini`: zod's own core (the same parsing, issues and `when` semantics) without the chained
 * methods and the English messages, which no answer shows. Every function loads it on a cold start:
 * about 15 KB minified against 470 KB for classic zod (bench/cold-start.ts).
 */

const say = (message: Say) => render(message, RULE_TEXTS_ZH);

/** Checks that read the whole value run even when zod would stop early; they guard themselves. */
const ALWAYS = { when: () => true };

/** Issues found so far; one raised by the object itself (unknown keys) has no path yet. */
type Issues = { path?: PropertyKey[] }[];
type RefinementCtx = z.core.$RefinementCtx;

/** Whether zod already found a problem under one of `fields` of the object being checked. */
function troubled(ctx: unknown, fields: readonly string[]): boolean {
  const issues = (ctx as { issues: Issues }).issues;
  return issues.some((issue) => issue.path !== undefined && fields.includes(String(issue.path[0])));
}

function crossCheck(check: CrossCheck, value: Record<string, unknown>, ctx: RefinementCtx): void {
  const fail = (path: string[]) => ctx.addIssue({ code: 'custom', path, message: say(check.say) });
  switch (check.kind) {
    case 'someOf':
      if (troubled(ctx, check.fields)) return;
      if (check.fields.every((field) => value[field] === undefined)) check.fields.forEach((f) => fail([f]));
      return;
    case 'exactlyOne':
      if (troubled(ctx, check.fields)) return;
      if (check.fields.filter((field) => value[field] !== undefined).length !== 1)
        check.fields.forEach((f) => fail([f]));
      return;
    case 'nonEmpty':
      if (Object.values(value).every((part) => part === undefined)) fail([]);
      return;
    case 'requiredWhen': {
      if (troubled(ctx, check.fields)) return;
      const [field, on] = check.fields;
      const wanted = value[on] === check.value;
      if (wanted && value[field] === undefined) fail([field]);
      if (!wanted && value[field] !== undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: say(check.absentSay) });
      return;
    }
    case 'dateSpan': {
      if (troubled(ctx, check.fields)) return;
      const [from, to] = check.fields;
      const found = dateSpanProblem(check, String(value[from]), String(value[to]));
      if (found) ctx.addIssue({ code: 'custom', path: [to], message: say(found) });
    }
  }
}

function objectSchema(rule: ObjectRule): z.ZodMiniType {
  const shape = Object.fromEntries(Object.entries(rule.fields).map(([key, field]) => [key, built(field)]));
  const object = z.strictObject(shape, { error: say(rule.say) });
  const checks = rule.checks ?? [];
  if (checks.length === 0) return object;
  return object.check(
    z.superRefine((value, ctx) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
      for (const check of checks) crossCheck(check, value as Record<string, unknown>, ctx);
    }, ALWAYS),
  );
}

/** A check that reports what a rule's check finds. */
function judged<T>(problem: (value: T) => Say | null) {
  return z.superRefine((value: T, ctx: RefinementCtx) => {
    const found = problem(value);
    if (found) ctx.addIssue({ code: 'custom', message: say(found) });
  });
}

function baseSchema(rule: Rule): z.ZodMiniType {
  const typeError = { error: say(typeSay(rule)) };
  switch (rule.kind) {
    case 'text': {
      const checked = z.string(typeError).check(
        z.trim(),
        judged((value: string) => textProblem(rule, value)),
      );
      if (!rule.emptyIsAbsent) return checked;
      return z.pipe(
        z.pipe(
          z.optional(z.string(typeError).check(z.trim())),
          z.transform((value: string | undefined) => (value === '' ? undefined : value)),
        ),
        z.optional(checked),
      );
    }
    case 'pattern':
      return z.string(typeError).check(judged((value: string) => patternProblem(rule, value)));
    case 'choice':
      return z.enum(rule.values as [string, ...string[]], typeError);
    case 'accept':
      return z.literal(true, typeError);
    case 'boolean':
      return z.boolean(typeError);
    case 'number':
      return z.number(typeError).check(judged((value: number) => numberProblem(rule, value)));
    case 'datetime':
      return z.pipe(
        z.string(typeError).check(judged((value: string) => dateTimeProblem(rule, value, Date.now()))),
        z.transform((value: string) => new Date(value)),
      );
    case 'date':
      return z.string(typeError).check(judged((value: string) => dateProblem(rule, value, Date.now())));
    case 'cloudFile':
      return z.string(typeError).check(judged((value: string) => cloudFileProblem(rule, value)));
    case 'httpsUrl':
      return z.string(typeError).check(judged((value: string) => httpsUrlProblem(rule, value)));
    case 'list': {
      const list = z
        .array(built(rule.of), typeError)
        .check(z.maxLength(rule.max, { error: say(rule.maxSay) }));
      const atLeast =
        rule.min === undefined
          ? list
          : list.check(z.minLength(rule.min, { error: say(rule.minSay ?? typeSay(rule)) }));
      if (!rule.unique) return atLeast;
      const duplicate = say({ key: 'list.duplicate', label: rule.label });
      return atLeast.check(
        z.superRefine((items: unknown[], ctx) => {
          if ((ctx as unknown as { issues: Issues }).issues.length > 0) return;
          if (new Set(items).size !== items.length) ctx.addIssue({ code: 'custom', message: duplicate });
        }, ALWAYS),
      );
    }
    case 'object':
      return objectSchema(rule);
  }
}

function built(rule: Rule): z.ZodMiniType {
  const base = baseSchema(rule);
  return 'default' in rule && rule.default !== undefined
    ? z._default(z.optional(base), rule.default as never)
    : rule.optional && !(rule.kind === 'text' && rule.emptyIsAbsent)
      ? z.optional(base)
      : base;
}

/**
 * The zod schema of a rule: what the functions accept, answering the rule's output type. Built on
 * its first parse: an instance runs few of its actions, and building all of them at load was about
 * 7 % of admin's require time (bench/cold-start.ts).
 */
export function schemaOf<R extends Rule>(rule: R): z.ZodMiniType<Out<R>, In<R>> {
  return z.lazy(() => built(rule)) as unknown as z.ZodMiniType<Out<R>, In<R>>;
}

/** An opaque pagination cursor. */
export const cursor = schemaOf(cursorRule);

/** A document ID as the database makes them (or as the seed names them). */
export const docId = schemaOf(docIdRule);

const GENERIC: Record<string, string> = {
  invalid_type: MESSAGES['generic.type'],
  too_small: MESSAGES['generic.tooSmall'],
  too_big: MESSAGES['generic.tooBig'],
  invalid_format: MESSAGES['generic.type'],
  invalid_value: MESSAGES['generic.value'],
  unrecognized_keys: MESSAGES['generic.unknownKey'],
};

/** Unknown keys named one by one in an answer; any more are summed up under `_`, so the answer stays small. */
export const MAX_UNKNOWN_KEYS_NAMED = 4;
/** A key echoed back by name: a plain field path, never a prototype key or arbitrary client text. */
const ECHOABLE_KEY = /^[A-Za-z0-9_-]{1,40}(\.[A-Za-z0-9_-]{1,40}){0,4}$/;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function echoable(key: string): boolean {
  return ECHOABLE_KEY.test(key) && !key.split('.').some((part) => PROTOTYPE_KEYS.has(part));
}

/**
 * Per-field messages (`{ "email": "邮箱格式不正确" }`) from a validation error; the first issue per
 * field wins. The schema's own fields are all named; keys the client made up are named only up to
 * {@link MAX_UNKNOWN_KEYS_NAMED} and only when they are plain field names: the rest (50,000 keys,
 * `__proto__`) is one `_` entry.
 */
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const fields = new Map<string, string>();
  let unknownNamed = 0;
  const put = (key: string, message: string) => {
    const named = echoable(key) ? key : '_';
    if (!fields.has(named)) fields.set(named, message);
  };
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = base ? `${base}.${key}` : key;
        if (unknownNamed >= MAX_UNKNOWN_KEYS_NAMED || !echoable(path)) {
          put('_', MESSAGES['generic.unknownKey']);
          break;
        }
        put(path, MESSAGES['generic.unknownKey']);
        unknownNamed += 1;
      }
      continue;
    }
    const custom = issue.message && /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : undefined;
    put(base || '_', custom ?? GENERIC[issue.code] ?? MESSAGES['generic.type']);
  }
  return Object.fromEntries(fields);
}

/**
 * Field errors for stored content naming files outside the public folders (saved before that rule,
 * or written around the functions): publishing refuses it, so nothing private is ever made public.
 */
export function privateFileErrors(item: {
  body?: string;
  cover?: { fileId?: string } | null;
  attachments?: readonly { fileId?: string }[];
}): Record<string, string> {
  const fields: Record<string, string> = {};
  if (item.body !== undefined && !onlyPublicFiles(item.body)) {
    fields.body = say({ key: 'format.publicFiles', label: 'body' });
  }
  if (item.cover?.fileId && !isPublicFile(item.cover.fileId)) {
    fields['cover.fileId'] = say({ key: 'file.public', label: 'cover' });
  }
  (item.attachments ?? []).forEach((attachment, i) => {
    if (attachment.fileId && !isPublicFile(attachment.fileId)) {
      fields[`attachments.${i}.fileId`] = say({ key: 'file.public', label: 'attachment' });
    }
  });
  return fields;
}
