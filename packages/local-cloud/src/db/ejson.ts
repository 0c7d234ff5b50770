import { BSONRegExp, EJSON, ObjectId } from 'bson';

/** A plain JSON-like document as the database holds it (Dates for dates, RegExps in queries). */
export type Doc = Record<string, unknown>;

/** The SDK's server-date placeholder: `db.serverDate({ offset })`. */
const SERVER_DATE = '$tcb_server_date';

/**
 * Turns a value parsed from the SDK's Extended JSON into the plain values mingo understands:
 * BSON regular expressions become RegExps, ObjectIds their hex string, server-date placeholders
 * the server's current time (plus offset).
 */
export function toPlain(value: unknown, now: Date): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, jsRegExpFlags(value.options));
  if (value instanceof ObjectId) return value.toHexString();
  if (value instanceof Date || value instanceof RegExp || value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => toPlain(item, now));
  const record = value as Record<string, unknown>;
  const placeholder = record[SERVER_DATE] as { offset?: unknown } | undefined;
  if (placeholder && Object.keys(record).length === 1) {
    const offset = typeof placeholder.offset === 'number' ? placeholder.offset : 0;
    return new Date(now.getTime() + offset);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) out[key] = toPlain(item, now);
  return out;
}

/** MongoDB regex options that JavaScript has (`x` has no JavaScript equivalent and is dropped). */
function jsRegExpFlags(options: string): string {
  return [...new Set(options.split(''))].filter((flag) => 'imsu'.includes(flag)).join('');
}

/** Parses one Extended JSON string sent by the SDK into plain values. */
export function parseWire(text: string, now: Date): unknown {
  return toPlain(EJSON.parse(text, { relaxed: true }), now);
}

/** Serialises a stored document for a response or the data log; Dates survive as `$date`. */
export function stringifyDoc(doc: unknown): string {
  return EJSON.stringify(doc as Doc, { relaxed: true });
}

/** Parses what {@link stringifyDoc} wrote. */
export function parseDoc(text: string): Doc {
  return EJSON.parse(text, { relaxed: true }) as Doc;
}

/**
 * Deep copy that keeps Dates (documents never share structure with the store). Not
 * `structuredClone`: under a test runner's VM context it makes Dates of another realm, which
 * `instanceof Date` (and so mingo's sorting and equality) no longer recognises.
 */
export function cloneDoc<T>(doc: T): T {
  if (doc instanceof Date) return new Date(doc.getTime()) as T;
  if (doc instanceof RegExp) return new RegExp(doc.source, doc.flags) as T;
  if (Array.isArray(doc)) return doc.map((item: unknown) => cloneDoc(item)) as T;
  if (doc === null || typeof doc !== 'object') return doc;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) out[key] = cloneDoc(value);
  return out as T;
}

/**
 * The key a document is held under: its `_id`. CloudBase ids are strings or numbers, and `123` and
 * `"123"` are different documents, so a number is tagged (with a character no string id starts with).
 */
export function idKey(id: unknown): string {
  return typeof id === 'number' ? `\u0000${id}` : String(id);
}

/** Whether `value` is a sub-document (an object that is not an array, a Date or a RegExp). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof RegExp)
  );
}

/** Whether a query value pins `_id` to one document (a string or number, not an operator). */
export function isIdValue(id: unknown): id is string | number {
  return typeof id === 'string' || typeof id === 'number';
}
