/**
 * The input rules of the functions, declared once: which fields an action takes, their limits,
 * patterns and allowed values, and the key of the message for each way a value can fail. The
 * functions build their zod schemas from these (cloudfunctions/_shared/validation.ts); the mini
 * program checks forms with the same rules (miniprogram/utils/validate.ts) before sending. Both
 * sides use the checks below for single values, so they agree by construction; the parity test
 * (test/contract/parity.test.ts) holds them to the same answers on whole inputs.
 */
import {
  ATTACHMENT_MAX_BYTES,
  AVAILABILITIES,
  CATEGORIES,
  CHINA_OFFSET_MS,
  ENQUIRY_KINDS,
  ENQUIRY_STATUSES,
  ENQUIRY_TOPICS,
  FOCUS_AREA_IDS,
  MAX_ATTACHMENTS,
  MAX_SCHEDULE_DAYS,
  MAX_TAGS,
  NEWS_PAGE_SIZE_DEFAULT,
  NEWS_PAGE_SIZE_MAX,
  PARTICIPATION_MODES,
  REPLY_LANGUAGES,
  STAFF_LANGUAGES,
  STAFF_NAME_MAX,
  SUBSCRIPTION_TOPICS,
  TRANSLATE_TARGETS,
  VISIT_GROUP_MAX,
  VISIT_MAX_DAYS,
  VISIT_MAX_SECTORS,
} from './constants';
import type { LabelKey, MessageKey, RuleTexts } from './messages.zh';
import type { PhoneNumber } from './models';

// ---- messages --------------------------------------------------------------------------------

/** A message by key; `{label}` is `label`, else the rule's own label. */
export interface Say {
  key: MessageKey;
  label?: LabelKey;
  params?: Record<string, string | number>;
}

/** One problem found in an input: where (`contact.email`, `tags.2`, '' for the whole) and what. */
export interface Problem {
  path: string;
  say: Say;
}

/** A message in one language. */
export function render(say: Say, texts: RuleTexts): string {
  const params: Record<string, string | number> = {
    ...(say.label ? { label: texts.labels[say.label] } : {}),
    ...say.params,
  };
  return texts.messages[say.key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Per-field messages, the first problem per field winning, as the functions answer them. */
export function renderProblems(problems: readonly Problem[], texts: RuleTexts): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { path, say } of problems) {
    const key = path || '_';
    if (!(key in fields)) fields[key] = render(say, texts);
  }
  return fields;
}

// ---- rules -----------------------------------------------------------------------------------

/** Ways a text may be formatted beyond its length. */
export type TextFormat =
  | 'email'
  | 'phone'
  | 'officePhone'
  | 'pdfName'
  | 'wechatId'
  | 'officialAccount'
  | 'yearLabel'
  | 'publicFiles';

interface Common<T, I = T> {
  /** Absent (undefined) is allowed. */
  readonly optional?: boolean;
  /** Phantom: what the functions' schema answers for this rule. */
  readonly __out?: T;
  /** Phantom: what a caller sends for this rule. */
  readonly __in?: I;
}

/** Text: trimmed, then free of control and bidi characters and lone surrogates, `min`–`max` long. */
export interface TextRule<T = string> extends Common<T> {
  readonly kind: 'text';
  readonly label: LabelKey;
  /** In visible characters (invisible ones do not count); 1 unless given. */
  readonly min?: number;
  /** In characters (code points). */
  readonly max: number;
  /** May hold tab, newline and carriage return. */
  readonly multiline?: boolean;
  /** Empty (after trimming) counts as absent. */
  readonly emptyIsAbsent?: boolean;
  readonly format?: TextFormat;
  readonly formatSay?: Say;
}

/** A machine value (ids, cursors): not trimmed, at most `max` long, matching `pattern`. */
export interface PatternRule extends Common<string> {
  readonly kind: 'pattern';
  readonly pattern: RegExp;
  readonly max: number;
  /** Wrong type (and, without `mismatchSay`, too long or no match). */
  readonly say: Say;
  /** Too long or no match. */
  readonly mismatchSay?: Say;
}

export interface ChoiceRule<V extends string = string> extends Common<V> {
  readonly kind: 'choice';
  readonly values: readonly V[];
  readonly say: Say;
}

/** `true` and nothing else (a consent). */
export interface AcceptRule extends Common<true> {
  readonly kind: 'accept';
  readonly say: Say;
}

export interface BooleanRule extends Common<boolean> {
  readonly kind: 'boolean';
  readonly say: Say;
  readonly default?: boolean;
}

export interface NumberRule extends Common<number> {
  readonly kind: 'number';
  readonly integer?: boolean;
  /** Positive: more than zero. */
  readonly positive?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** Wrong type or not an integer. */
  readonly say: Say;
  /** Out of range (`say` unless given). */
  readonly rangeSay?: Say;
  /** Above `max` (`rangeSay` unless given). */
  readonly maxSay?: Say;
  readonly default?: number;
}

/** An ISO 8601 date-time with an offset; the functions read it as a `Date`. */
export interface DateTimeRule extends Common<Date, string> {
  readonly kind: 'datetime';
  readonly label: LabelKey;
  /** At most this many days after now. */
  readonly maxDaysAhead?: number;
}

/** A calendar day `YYYY-MM-DD` (China time); the functions keep it as that string. */
export interface DateRule extends Common<string> {
  readonly kind: 'date';
  readonly label: LabelKey;
  /** Not before today in China. */
  readonly notPast?: boolean;
}

/** A `cloud://` file ID of an image or a PDF, as `wx.cloud.uploadFile` answers it. */
export interface CloudFileRule extends Common<string> {
  readonly kind: 'cloudFile';
  readonly label: LabelKey;
  readonly type: 'image' | 'pdf';
}

export interface HttpsUrlRule extends Common<string> {
  readonly kind: 'httpsUrl';
  readonly label: LabelKey;
}

export interface ListRule<T = unknown, I = T> extends Common<T[], I[]> {
  readonly kind: 'list';
  readonly label: LabelKey;
  readonly of: Rule;
  readonly min?: number;
  readonly minSay?: Say;
  readonly max: number;
  readonly maxSay: Say;
  /** Items are all different (checked once every item is fine). */
  readonly unique?: boolean;
  /** What an absent list stands for. */
  readonly default?: readonly never[];
}

/**
 * Checks across an object's fields; each runs only once the fields it reads are fine, and puts its
 * message on those fields (or on the object for `nonEmpty`).
 */
export type CrossCheck =
  | { readonly kind: 'someOf'; readonly fields: readonly string[]; readonly say: Say }
  | { readonly kind: 'exactlyOne'; readonly fields: readonly string[]; readonly say: Say }
  | { readonly kind: 'nonEmpty'; readonly say: Say }
  | {
      /** `fields[0]` is required when `fields[1]` equals `value`, and refused otherwise. */
      readonly kind: 'requiredWhen';
      readonly fields: readonly [string, string];
      readonly value: string;
      readonly say: Say;
      readonly absentSay: Say;
    }
  | {
      /** Days `fields[0]` ≤ `fields[1]` ≤ `fields[0]` + `maxDays`; messages go on `fields[1]`. */
      readonly kind: 'dateSpan';
      readonly fields: readonly [string, string];
      readonly maxDays: number;
      readonly say: Say;
      readonly maxSay: Say;
    };

/** An object with exactly these fields (any other key is refused). */
export interface ObjectRule<
  T = unknown,
  I = T,
  F extends Readonly<Record<string, Rule>> = Readonly<Record<string, Rule>>,
> extends Common<T, I> {
  readonly kind: 'object';
  readonly fields: F;
  /** Not an object. */
  readonly say: Say;
  readonly checks?: readonly CrossCheck[];
}

export type Rule =
  | TextRule<string>
  | TextRule<string | undefined>
  | PatternRule
  | ChoiceRule
  | AcceptRule
  | BooleanRule
  | NumberRule
  | DateTimeRule
  | DateRule
  | CloudFileRule
  | HttpsUrlRule
  | ListRule
  | ObjectRule;

/** What the functions' schema answers for a rule. */
export type Out<R> = R extends { readonly __out?: infer T } ? T : never;
/** What a caller sends for a rule. */
export type In<R> = R extends { readonly __in?: infer T } ? T : never;

type Optional<R> = R extends { readonly optional: true } ? true : false;
type Defined<R> = R extends { readonly default: unknown } ? true : false;
type ValueOut<R> =
  Optional<R> extends true ? (Defined<R> extends true ? Out<R> : Out<R> | undefined) : Out<R>;
type ValueIn<R> = Optional<R> extends true ? In<R> | undefined : In<R>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** An object of fields whose values may be undefined, those fields made optional. */
type Shape<V> = Simplify<
  { [K in keyof V as undefined extends V[K] ? never : K]: V[K] } & {
    [K in keyof V as undefined extends V[K] ? K : never]?: Exclude<V[K], undefined>;
  }
>;
type ShapeOut<F> = Shape<{ [K in keyof F]: ValueOut<F[K]> }>;
type ShapeIn<F> = Shape<{ [K in keyof F]: ValueIn<F[K]> }>;

// ---- builders --------------------------------------------------------------------------------

type TextOptions = Omit<TextRule, 'kind' | '__out' | '__in' | 'optional' | 'emptyIsAbsent'>;

export function text(options: TextOptions): TextRule<string> {
  return { kind: 'text', ...options };
}

/** Optional text: absent or empty (after trimming) is left out. */
export function optionalText(
  options: Omit<TextOptions, 'min'>,
): TextRule<string | undefined> & { readonly optional: true; readonly __in?: string } {
  return { kind: 'text', ...options, optional: true, emptyIsAbsent: true };
}

export function pattern(pattern: RegExp, max: number, say: Say, mismatchSay?: Say): PatternRule {
  return { kind: 'pattern', pattern, max, say, ...(mismatchSay ? { mismatchSay } : {}) };
}

export function choice<V extends string>(values: readonly V[], say: Say): ChoiceRule<V> {
  return { kind: 'choice', values, say };
}

export function accept(say: Say): AcceptRule {
  return { kind: 'accept', say };
}

export function boolean(say: Say): BooleanRule {
  return { kind: 'boolean', say };
}

export function number(options: Omit<NumberRule, 'kind' | '__out' | '__in'>): NumberRule {
  return { kind: 'number', ...options };
}

export function dateTime(label: LabelKey, maxDaysAhead?: number): DateTimeRule {
  return { kind: 'datetime', label, ...(maxDaysAhead === undefined ? {} : { maxDaysAhead }) };
}

export function date(label: LabelKey, options: { notPast?: boolean } = {}): DateRule {
  return { kind: 'date', label, ...options };
}

export function cloudFile(label: LabelKey, type: 'image' | 'pdf'): CloudFileRule {
  return { kind: 'cloudFile', label, type };
}

export function httpsUrl(label: LabelKey): HttpsUrlRule {
  return { kind: 'httpsUrl', label };
}

export function list<R extends Rule>(
  of: R,
  options: Omit<ListRule, 'kind' | '__out' | '__in' | 'of'>,
): ListRule<Out<R>, In<R>> {
  return { kind: 'list', of, ...options };
}

export function object<F extends Record<string, Rule>>(
  fields: F,
  options: { say?: Say; checks?: readonly CrossCheck[] } = {},
): ObjectRule<ShapeOut<F>, ShapeIn<F>, F> {
  return { kind: 'object', fields, say: options.say ?? { key: 'generic.type' }, ...options };
}

/** The rule, with absence allowed. */
export function optional<R extends Rule>(rule: R): R & { readonly optional: true } {
  return { ...rule, optional: true };
}

/** The rule, with `value` standing in for absence. */
export function withDefault<R extends BooleanRule | NumberRule | ListRule>(
  rule: R,
  value: NonNullable<R['default']>,
): R & { readonly optional: true; readonly default: NonNullable<R['default']> } {
  return { ...rule, optional: true, default: value };
}

// ---- single values -----------------------------------------------------------------------------

/** zod 4's `z.email()` pattern. */
export const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** A phone number as people write it: an optional +, digits, spaces and dashes. */
const PHONE = /^\+?[0-9][0-9 -]*[0-9]$/;
const PHONE_DIGITS_MIN = 6;
const PHONE_DIGITS_MAX = 20;
/** The number to dial, E.164. */
export const E164 = /^\+[1-9][0-9]{6,14}$/;
/** The office's number as staff type it: `+` or `00` and the country code, or a Danish number alone. */
const TYPED_PHONE = /^(?:\+|00)?[0-9][0-9 ()-]*[0-9]$/;
/** The office is in Denmark: a number typed without a country code is Danish (8 digits, no trunk prefix). */
const HOME_COUNTRY_CODE = '45';
const HOME_NUMBER_DIGITS = 8;
/** China's country code: its mobile numbers are 11 digits starting with 1. */
const CHINA_COUNTRY_CODE = '86';
/** zod 4's `z.iso.datetime({ offset: true })` pattern: RFC 3339 with seconds and `Z` or an offset. */
export const ISO_DATETIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;
/** `cloud://<env>.<bucket>/<path>`. */
const CLOUD_FILE_ID = /^cloud:\/\/[A-Za-z0-9._-]+\/[^\s?#]+$/;
const CLOUD_FILE_MAX = 512;
/**
 * The storage folders whose files may be shown to the public (news covers and body images,
 * opportunity and profile documents): the folders the storage rule opens to clients
 * (tools/deploy). Anything else, above all `exports/`, is never linked from public content.
 */
export const PUBLIC_FILE_FOLDERS = ['news-covers', 'opportunity-files', 'profile-files'] as const;
/** A `cloud://` reference inside Markdown: up to the closing parenthesis, quote or blank. */
const CLOUD_REFERENCE = /cloud:\/\/[^\s)"'<>]*/g;

/** Whether `fileId` is a file in a public folder (no `.`/`..` segments, nothing encoded around them). */
export function isPublicFile(fileId: string): boolean {
  const match = /^cloud:\/\/[A-Za-z0-9._-]+\/(.+)$/.exec(fileId);
  if (!match?.[1] || /[%\\?#\s]/.test(match[1])) return false;
  const [folder, ...rest] = match[1].split('/');
  return (
    (PUBLIC_FILE_FOLDERS as readonly string[]).includes(folder ?? '') &&
    rest.length > 0 &&
    rest.every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/** Whether every `cloud://` file a Markdown text names is in a public folder. */
export function onlyPublicFiles(value: string): boolean {
  return (value.match(CLOUD_REFERENCE) ?? []).every(isPublicFile);
}
const FILE_EXTENSION = { image: /\.(jpe?g|png|webp)$/i, pdf: /\.pdf$/i } as const;
/** `https://host[:port][/path][?query][#fragment]`, nothing blank. */
const HTTPS_URL = /^https:\/\/[^\s/?#:@]+(?::[0-9]{1,5})?(?:[/?#][^\s]*)?$/;
const URL_MAX = 500;
const DAY_MS = 24 * 3600_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A WeChat ID as WeChat allows it: a letter, then letters, digits, _ or -, 6–20 in all. */
export const WECHAT_ID = /^[A-Za-z][A-Za-z0-9_-]{5,19}$/;
/** An official account's original ID (`gh_` and 12 hex digits): `wx.openOfficialAccountProfile` takes only this. */
const OFFICIAL_ACCOUNT_ID = /^gh_[0-9a-f]{12}$/;
/** A year in a date label such as '2016年春': four digits not inside a longer number. */
const YEAR_IN_LABEL = /(?:^|\D)((?:19|20)[0-9]{2})(?!\d)/;

// C0 and C1 control characters; multi-line text may hold tab, newline and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;
/** Bidirectional embeddings, overrides and isolates: they can make text read other than it is. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/**
 * Characters that show nothing: soft hyphen, joiners and zero-width spaces, word joiners and
 * invisible operators, the Hangul fillers, variation selectors, the byte-order mark.
 */
const INVISIBLE =
  // Combining marks are listed on purpose: each is to be counted out on its own.
  // eslint-disable-next-line no-misleading-character-class
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      else return true;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return true;
  }
  return false;
}

/** Length in characters (code points), as limits count it. */
export function charCount(value: string): number {
  return [...value].length;
}

/** Length in characters that show: invisible ones do not count towards a minimum. */
export function visibleCount(value: string): number {
  return charCount(value.replace(INVISIBLE, ''));
}

function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= PHONE_DIGITS_MIN && digits <= PHONE_DIGITS_MAX;
}

/** The digits of a number after the country code, grouped as that country writes them, or null. */
function nationalGroups(country: string, national: string): string | null {
  if (country === HOME_COUNTRY_CODE && national.length === HOME_NUMBER_DIGITS)
    return `${national.slice(0, 4)} ${national.slice(4)}`;
  if (country === CHINA_COUNTRY_CODE && /^1[0-9]{10}$/.test(national))
    return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  return null;
}

/**
 * The office's phone number from the one field staff type it in ('+45 2160 1445', '0045 21601445',
 * '21 60 14 45'): the form readers see and the E.164 form `wx.makePhoneCall` dials; null when it
 * is not a number one can dial from abroad. Danish and Chinese mobile numbers are grouped as those
 * countries write them; any other keeps the staff member's grouping after the country code.
 */
export function phoneNumberOf(typed: string): PhoneNumber | null {
  const value = typed.trim();
  if (!TYPED_PHONE.test(value)) return null;
  const digits = value.replace(/\D/g, '');
  let international: string;
  let grouping: string;
  if (value.startsWith('+') || value.startsWith('00')) {
    international = value.startsWith('+') ? digits : digits.slice(2);
    grouping = value.replace(/^(?:\+|00)/, '');
  } else if (digits.length === HOME_NUMBER_DIGITS) {
    international = HOME_COUNTRY_CODE + digits;
    grouping = `${HOME_COUNTRY_CODE} ${value}`;
  } else {
    return null;
  }
  const dial = `+${international}`;
  if (!E164.test(dial)) return null;
  const country = [HOME_COUNTRY_CODE, CHINA_COUNTRY_CODE].find((code) => international.startsWith(code));
  const grouped = country && nationalGroups(country, international.slice(country.length));
  const display = grouped
    ? `+${country} ${grouped}`
    : `+${grouping.replace(/[()-]/g, ' ').replace(/\s+/g, ' ').trim()}`;
  return { display, dial };
}

/** The year a date label names ('2016年春' → 2016), or null when it names none. */
export function yearIn(label: string): number | null {
  const match = YEAR_IN_LABEL.exec(label);
  return match?.[1] ? Number(match[1]) : null;
}

const FORMATS: Record<TextFormat, { test(value: string): boolean; say: MessageKey }> = {
  email: { test: (value) => EMAIL.test(value), say: 'format.email' },
  phone: { test: isPhone, say: 'format.phone' },
  officePhone: { test: (value) => phoneNumberOf(value) !== null, say: 'format.officePhone' },
  pdfName: { test: (value) => FILE_EXTENSION.pdf.test(value), say: 'format.pdfName' },
  wechatId: { test: (value) => WECHAT_ID.test(value), say: 'format.wechatId' },
  officialAccount: { test: (value) => OFFICIAL_ACCOUNT_ID.test(value), say: 'format.officialAccount' },
  yearLabel: { test: (value) => yearIn(value) !== null, say: 'format.yearLabel' },
  publicFiles: { test: onlyPublicFiles, say: 'format.publicFiles' },
};

/** What is wrong with a trimmed, present text; null when nothing. */
export function textProblem(rule: TextRule<unknown>, trimmed: string): Say | null {
  const label = rule.label;
  if ((rule.multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).test(trimmed) || BIDI_CONTROL.test(trimmed))
    return { key: 'text.control', label };
  if (hasLoneSurrogate(trimmed)) return { key: 'text.unpaired', label };
  const min = rule.min ?? 1;
  if (visibleCount(trimmed) < min)
    return min === 1 ? { key: 'text.required', label } : { key: 'text.tooShort', label, params: { min } };
  if (charCount(trimmed) > rule.max) return { key: 'text.tooLong', label, params: { max: rule.max } };
  if (rule.format) {
    const format = FORMATS[rule.format];
    if (!format.test(trimmed)) return rule.formatSay ?? { key: format.say, label };
  }
  return null;
}

/** What is wrong with a pattern value that is a string; null when nothing. */
export function patternProblem(rule: PatternRule, value: string): Say | null {
  if (value.length > rule.max || !rule.pattern.test(value)) return rule.mismatchSay ?? rule.say;
  return null;
}

/** What is wrong with a number; null when nothing. */
export function numberProblem(rule: NumberRule, value: number): Say | null {
  if (!Number.isFinite(value)) return rule.say;
  if (rule.integer && !Number.isInteger(value)) return rule.say;
  const range = rule.rangeSay ?? rule.say;
  if (rule.positive && value <= 0) return range;
  if (rule.min !== undefined && value < rule.min) return range;
  if (rule.max !== undefined && value > rule.max) return rule.maxSay ?? range;
  return null;
}

/** What is wrong with a date-time string; null when nothing. */
export function dateTimeProblem(rule: DateTimeRule, value: string, now: number): Say | null {
  if (!ISO_DATETIME.test(value) || Number.isNaN(Date.parse(value)))
    return { key: 'value.type', label: rule.label };
  if (rule.maxDaysAhead !== undefined && Date.parse(value) > now + rule.maxDaysAhead * DAY_MS)
    return { key: 'schedule.tooFar', params: { days: rule.maxDaysAhead } };
  return null;
}

/** Today in China as `YYYY-MM-DD`. */
export function chinaDay(now: number): string {
  return new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Days from one `YYYY-MM-DD` to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** What is wrong with a calendar day string; null when nothing. */
export function dateProblem(rule: DateRule, value: string, now: number): Say | null {
  const match = DAY.exec(value);
  const day = match && new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (!day || day.toISOString().slice(0, 10) !== value) return { key: 'format.date', label: rule.label };
  if (rule.notPast && value < chinaDay(now)) return { key: 'date.past', label: rule.label };
  return null;
}

/** Whether a span of days breaks a `dateSpan` check: its message, or null. */
export function dateSpanProblem(
  check: Extract<CrossCheck, { kind: 'dateSpan' }>,
  from: string,
  to: string,
): Say | null {
  const days = daysBetween(from, to);
  if (days < 0) return check.say;
  if (days > check.maxDays) return check.maxSay;
  return null;
}

/** What is wrong with a cloud file ID string; null when nothing. */
export function cloudFileProblem(rule: CloudFileRule, value: string): Say | null {
  const label = rule.label;
  if (value.length > CLOUD_FILE_MAX) return { key: 'value.tooLong', label };
  if (!CLOUD_FILE_ID.test(value)) return { key: 'file.cloud', label };
  if (!FILE_EXTENSION[rule.type].test(value))
    return { key: rule.type === 'image' ? 'file.image' : 'file.pdf', label };
  if (!isPublicFile(value)) return { key: 'file.public', label };
  return null;
}

/** What is wrong with a link string; null when nothing. */
export function httpsUrlProblem(rule: HttpsUrlRule, value: string): Say | null {
  if (!HTTPS_URL.test(value)) return { key: 'format.https', label: rule.label };
  if (value.length > URL_MAX) return { key: 'value.tooLong', label: rule.label };
  return null;
}

/** The message for a value of the wrong type under a rule. */
export function typeSay(rule: Rule): Say {
  switch (rule.kind) {
    case 'httpsUrl':
      return { key: 'format.https', label: rule.label };
    case 'text':
    case 'datetime':
    case 'date':
    case 'cloudFile':
    case 'list':
      return { key: 'value.type', label: rule.label };
    default:
      return rule.say;
  }
}

// ---- the inputs --------------------------------------------------------------------------------

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const ID = /^[A-Za-z0-9_-]+$/;
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

/** A document ID as the database makes them (or as the seed names them). */
export const docId = pattern(ID, 64, { key: 'value.invalid', label: 'id' });
/** An opaque pagination cursor. */
export const cursor = pattern(ID, 200, { key: 'value.invalid', label: 'cursor' });
export const openId = pattern(OPENID, 64, { key: 'format.openId' });

const topic = choice(ENQUIRY_TOPICS, { key: 'choice.required', label: 'topic' });

/** What a visit request (`kind: "visit"`) asks for. */
export const visitDetails = object(
  {
    from: date('visitFrom', { notPast: true }),
    to: date('visitTo'),
    groupSize: number({
      integer: true,
      min: 1,
      max: VISIT_GROUP_MAX,
      say: { key: 'number.integer', label: 'groupSize' },
      rangeSay: { key: 'number.range', label: 'groupSize', params: { min: 1, max: VISIT_GROUP_MAX } },
    }),
    sectors: optional(
      list(choice(ENQUIRY_TOPICS, { key: 'value.invalid', label: 'sector' }), {
        label: 'sector',
        max: VISIT_MAX_SECTORS,
        maxSay: { key: 'list.maxCount', label: 'sector', params: { max: VISIT_MAX_SECTORS } },
        unique: true,
      }),
    ),
    institutions: optionalText({ label: 'institutions', max: 500, multiline: true }),
  },
  {
    say: { key: 'visit.details', label: 'visit' },
    checks: [
      {
        kind: 'dateSpan',
        fields: ['from', 'to'],
        maxDays: VISIT_MAX_DAYS,
        say: { key: 'visit.dateOrder' },
        maxSay: { key: 'visit.tooLong', params: { days: VISIT_MAX_DAYS } },
      },
    ],
  },
);

/** `enquiry` `submit` (CONTRACTS.md). */
export const enquirySubmit = object(
  {
    requestId: pattern(REQUEST_ID, 64, { key: 'value.invalid', label: 'requestId' }),
    name: text({ label: 'name', max: 50 }),
    organization: text({ label: 'organization', max: 100 }),
    title: optionalText({ label: 'jobTitle', max: 50 }),
    email: optionalText({ label: 'email', max: 254, format: 'email' }),
    phone: optionalText({
      label: 'mobilePhone',
      max: 30,
      format: 'phone',
      formatSay: { key: 'format.enquiryPhone' },
    }),
    wechatId: optionalText({ label: 'wechatId', max: 20, format: 'wechatId' }),
    topic,
    message: text({ label: 'message', min: 10, max: 2000, multiline: true }),
    kind: optional(choice(ENQUIRY_KINDS, { key: 'value.invalid', label: 'enquiryKind' })),
    visit: optional(visitDetails),
    consent: object(
      {
        privacy: accept({ key: 'enquiry.privacy' }),
        crossBorder: accept({ key: 'enquiry.crossBorder' }),
      },
      { say: { key: 'enquiry.consent', label: 'consent' } },
    ),
  },
  {
    checks: [
      { kind: 'someOf', fields: ['email', 'phone', 'wechatId'], say: { key: 'enquiry.contactMissing' } },
      {
        kind: 'requiredWhen',
        fields: ['visit', 'kind'],
        value: 'visit',
        say: { key: 'visit.required' },
        absentSay: { key: 'visit.notAllowed' },
      },
    ],
  },
);

export const enquiryMine = object({ cursor: optional(cursor) });
/** `enquiry` `get` and `subscribe`: one of the caller's enquiries. */
export const enquiryById = object({ id: docId });

// content

export const contentNewsList = object({
  limit: withDefault(
    number({
      integer: true,
      min: 1,
      max: NEWS_PAGE_SIZE_MAX,
      say: { key: 'number.pageSize', params: { max: NEWS_PAGE_SIZE_MAX } },
    }),
    NEWS_PAGE_SIZE_DEFAULT,
  ),
  cursor: optional(cursor),
  tag: optional(text({ label: 'tag', max: 30 })),
  category: optional(choice(CATEGORIES, { key: 'value.invalid', label: 'category' })),
});

export const byId = object({ id: docId });

export const contentOpportunitiesList = object({
  type: optional(choice(CATEGORIES, { key: 'value.invalid', label: 'category' })),
  cursor: optional(cursor),
});

export const contentSubscribe = object({
  topic: choice(SUBSCRIPTION_TOPICS, { key: 'value.invalid', label: 'subscriptionTopic' }),
});

/** Actions that take no input accept `{}` only. */
export const noInput = object({});

// admin: news and opportunities

export const STAFF_NEWS_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;
export const STAFF_OPPORTUNITY_STATUSES = ['draft', 'published', 'archived'] as const;
/** `new` stands for both new statuses (`received`, `pending_review`). */
export const ENQUIRY_STATUS_FILTERS = [...ENQUIRY_STATUSES, 'new'] as const;

const MARKDOWN_MAX = 20000;
const markdown = text({ label: 'body', max: MARKDOWN_MAX, multiline: true, format: 'publicFiles' });
const headline = text({ label: 'headline', max: 60 });
const summary = text({ label: 'summary', max: 200 });

export const staffAdd = object({ openId, name: optionalText({ label: 'name', max: 30 }) });
/** A staff member's display name, shown on notes, replies and audit entries instead of an OPENID. */
const displayName = text({ label: 'displayName', max: STAFF_NAME_MAX });
/** An invite code as typed or pasted: letters and digits, groups may be split by spaces or dashes. */
const inviteCode = pattern(/^[A-Za-z0-9 -]+$/, 40, { key: 'value.invalid', label: 'inviteCode' });
export const staffInvite = object({ name: displayName });
export const staffRedeem = object({ code: inviteCode, name: displayName });
export const staffRename = object({ name: displayName });
export const staffRemove = object({ openId });

export const newsList = object({
  status: optional(choice(STAFF_NEWS_STATUSES, { key: 'value.invalid', label: 'status' })),
  cursor: optional(cursor),
});

export const newsSave = object({
  id: optional(docId),
  title: headline,
  summary,
  body: markdown,
  /** Absent: a new item is filed under `other`, an existing one keeps its category. */
  category: optional(choice(CATEGORIES, { key: 'choice.required', label: 'category' })),
  tags: withDefault(
    list(text({ label: 'tag', max: 20 }), {
      label: 'tag',
      max: MAX_TAGS,
      maxSay: { key: 'list.maxCount', label: 'tag', params: { max: MAX_TAGS } },
      unique: true,
    }),
    [],
  ),
  pinned: withDefault(boolean({ key: 'value.type', label: 'pinned' }), false),
  cover: optional(
    object({ fileId: cloudFile('cover', 'image'), alt: text({ label: 'coverAlt', max: 100 }) }),
  ),
});

export const newsPreview = object({ body: markdown });

export const newsPublish = object({
  id: docId,
  at: optional(dateTime('publishAt', MAX_SCHEDULE_DAYS)),
});

export const opportunitiesList = object({
  status: optional(choice(STAFF_OPPORTUNITY_STATUSES, { key: 'value.invalid', label: 'status' })),
  category: optional(choice(CATEGORIES, { key: 'value.invalid', label: 'category' })),
  cursor: optional(cursor),
});

const attachment = object({
  fileId: cloudFile('attachment', 'pdf'),
  name: text({
    label: 'attachmentName',
    max: 100,
    format: 'pdfName',
    formatSay: { key: 'format.pdfName', label: 'attachment' },
  }),
  sizeBytes: number({
    integer: true,
    positive: true,
    max: ATTACHMENT_MAX_BYTES,
    say: { key: 'value.type', label: 'attachmentSize' },
    maxSay: { key: 'file.tooLarge', label: 'attachment', params: { mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 } },
  }),
});

export const opportunitySave = object(
  {
    id: optional(docId),
    category: choice(CATEGORIES, { key: 'choice.required', label: 'category' }),
    title: headline,
    summary,
    body: markdown,
    audience: text({ label: 'audience', max: 100 }),
    availability: choice(AVAILABILITIES, { key: 'choice.required', label: 'availabilityStatus' }),
    deadline: optional(dateTime('deadline')),
    availabilityNote: optionalText({ label: 'availabilityNote', max: 100 }),
    participation: choice(PARTICIPATION_MODES, { key: 'choice.required', label: 'participation' }),
    attachments: withDefault(
      list(attachment, {
        label: 'attachment',
        max: MAX_ATTACHMENTS,
        maxSay: { key: 'list.maxCount', label: 'attachment', params: { max: MAX_ATTACHMENTS } },
      }),
      [],
    ),
    contact: object(
      {
        name: text({ label: 'contactPerson', max: 50 }),
        title: optionalText({ label: 'contactJobTitle', max: 50 }),
        email: optionalText({ label: 'contactEmail', max: 254, format: 'email' }),
        phone: optionalText({ label: 'contactPhone', max: 30, format: 'phone' }),
      },
      // A named contact is a way to take part only if one can reach them.
      { checks: [{ kind: 'someOf', fields: ['email', 'phone'], say: { key: 'opportunity.contactReach' } }] },
    ),
  },
  {
    checks: [
      {
        // The date is the basis of "open until"; any other status has none.
        kind: 'requiredWhen',
        fields: ['deadline', 'availability'],
        value: 'open_until',
        say: { key: 'opportunity.deadlineRequired' },
        absentSay: { key: 'opportunity.deadlineNotAllowed' },
      },
    ],
  },
);

// admin: profile

const paragraphs = list(text({ label: 'paragraph', max: 2000, multiline: true }), {
  label: 'paragraph',
  min: 1,
  minSay: { key: 'list.minParagraphs', label: 'paragraph' },
  max: 20,
  maxSay: { key: 'list.maxParagraphs', label: 'paragraph', params: { max: 20 } },
});

const section = object({ title: text({ label: 'headline', max: 40 }), paragraphs });

/** Timeline entries at most; each names its year in its date label ('2016年春'). */
export const TIMELINE_MAX = 30;

const timelineEntry = object({
  dateLabel: text({ label: 'dateLabel', max: 20, format: 'yearLabel' }),
  title: text({ label: 'timelineTitle', max: 40 }),
  description: text({ label: 'timelineDescription', max: 500, multiline: true }),
});

/** One focus area, saved whole; its id and icon stay. */
const focusArea = object({
  id: choice(FOCUS_AREA_IDS, { key: 'value.invalid', label: 'focusArea' }),
  title: text({ label: 'focusAreaTitle', max: 20 }),
  titleOriginal: text({ label: 'titleOriginal', max: 100 }),
  summary: text({ label: 'summary', max: 100 }),
  paragraphs,
});

const profileImage = (label: 'heroImage' | 'logo') =>
  optional(object({ fileId: cloudFile(label, 'image'), alt: text({ label: 'imageAlt', max: 100 }) }));

const socialFields = {
  platform: text({ label: 'platform', max: 30 }),
  description: text({ label: 'platformDescription', max: 200 }),
  url: optional(httpsUrl('link')),
  accountName: optionalText({ label: 'accountName', max: 50 }),
};
const social = object(socialFields);
const wechat = object({
  ...socialFields,
  username: optionalText({ label: 'officialAccount', max: 20, format: 'officialAccount' }),
});

const coordinate = (label: 'latitude' | 'longitude', limit: number) =>
  number({
    min: -limit,
    max: limit,
    say: { key: 'number.type', label },
    rangeSay: { key: 'number.range', label, params: { min: -limit, max: limit } },
  });

const profileContact = object({
  name: text({ label: 'contactName', max: 50 }),
  salutation: text({ label: 'salutation', max: 10 }),
  title: text({ label: 'jobTitle', max: 50 }),
  titleOriginal: text({ label: 'jobTitleOriginal', max: 100 }),
  email: text({ label: 'email', max: 254, format: 'email' }),
  /** One number as staff type it; the function derives the display and dial forms (`phoneNumberOf`). */
  phone: text({ label: 'phone', max: 30, format: 'officePhone' }),
  address: object({
    linesOriginal: list(text({ label: 'address', max: 100 }), {
      label: 'address',
      min: 1,
      minSay: { key: 'text.required', label: 'address' },
      max: 6,
      maxSay: { key: 'list.maxLines', label: 'address', params: { max: 6 } },
    }),
    zh: text({ label: 'addressZh', max: 200 }),
  }),
  linkedin: social,
  wechat,
  location: optional(
    object({ latitude: coordinate('latitude', 90), longitude: coordinate('longitude', 180) }),
  ),
});

export const profileSave = object(
  {
    intro: optional(section),
    keyFacts: optional(
      list(
        object({
          label: text({ label: 'keyFactLabel', max: 20 }),
          value: text({ label: 'keyFactValue', max: 60 }),
        }),
        {
          label: 'keyFact',
          max: 12,
          maxSay: { key: 'list.maxEntries', label: 'keyFact', params: { max: 12 } },
        },
      ),
    ),
    internationalOffice: optional(
      object({
        name: text({ label: 'officeName', max: 50 }),
        nameOriginal: text({ label: 'officeNameOriginal', max: 100 }),
        location: text({ label: 'officeLocation', max: 100 }),
        description: text({ label: 'officeDescription', max: 1000, multiline: true }),
      }),
    ),
    representativeOffice: optional(section),
    contact: optional(profileContact),
    timeline: optional(
      list(timelineEntry, {
        label: 'timelineEntry',
        max: TIMELINE_MAX,
        maxSay: { key: 'list.maxEntries', label: 'timelineEntry', params: { max: TIMELINE_MAX } },
      }),
    ),
    focusArea: optional(focusArea),
    images: optional(object({ hero: profileImage('heroImage'), logo: profileImage('logo') })),
  },
  { checks: [{ kind: 'nonEmpty', say: { key: 'profile.nothingToSave' } }] },
);

// admin: documents (the MoUs the profile lists)

export const documentSave = object({
  id: optional(docId),
  title: text({ label: 'documentTitle', max: 60 }),
  titleOriginal: text({ label: 'titleOriginal', max: 150 }),
  counterparty: text({ label: 'counterparty', max: 50 }),
  counterpartyOriginal: text({ label: 'counterpartyOriginal', max: 100 }),
  summary: text({ label: 'documentSummary', max: 500, multiline: true }),
  availability: text({ label: 'availability', max: 60 }),
  /** The document's PDF; absent: readers ask the office for it (`availability` says how). */
  file: optional(attachment),
});

// admin: enquiries

const enquiryFilter = {
  status: optional(choice(ENQUIRY_STATUS_FILTERS, { key: 'value.invalid', label: 'status' })),
  topic: optional(choice(ENQUIRY_TOPICS, { key: 'value.invalid', label: 'category' })),
  kind: optional(choice(ENQUIRY_KINDS, { key: 'value.invalid', label: 'enquiryKind' })),
};

export const enquiriesList = object({ ...enquiryFilter, cursor: optional(cursor) });

export const enquiriesUpdate = object({
  id: docId,
  status: choice(['in_progress', 'closed'] as const, { key: 'enquiry.statusMove' }),
  note: optionalText({ label: 'note', max: 1000, multiline: true }),
});

export const enquiriesExport = object({
  ...enquiryFilter,
  lang: optional(choice(STAFF_LANGUAGES, { key: 'value.invalid', label: 'language' })),
});

export const enquiriesReply = object({
  id: docId,
  body: text({ label: 'replyBody', max: 2000, multiline: true }),
  original: optional(
    object({
      text: text({ label: 'replyOriginal', max: 4000, multiline: true }),
      language: choice(REPLY_LANGUAGES, { key: 'value.invalid', label: 'language' }),
    }),
  ),
});

export const translate = object({
  text: text({ label: 'translateText', max: 4000, multiline: true }),
  to: choice(TRANSLATE_TARGETS, { key: 'value.invalid', label: 'language' }),
  from: optional(choice(REPLY_LANGUAGES, { key: 'value.invalid', label: 'language' })),
});

export const enquiriesErase = object(
  { openId: optional(openId), id: optional(docId) },
  { checks: [{ kind: 'exactlyOne', fields: ['openId', 'id'], say: { key: 'enquiry.eraseTarget' } }] },
);
