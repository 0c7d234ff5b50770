import { AppError } from '../errors';
import { docId, patternProblem } from '../../../contract/rules';

/**
 * Opaque pagination cursors: the sort-key values of the last item of a page, as base64url JSON.
 * Dates are carried as `{ d: epochMillis }` so they come back as Dates for range queries.
 */
type CursorValue = string | number | boolean | null | Date;

/** The largest distance from the epoch a JavaScript Date can hold (ECMA-262 TimeClip). */
const MAX_TIME_MS = 8.64e15;

export function encodeCursor(values: CursorValue[]): string {
  const json = JSON.stringify(
    values.map((value) => (value instanceof Date ? { d: value.getTime() } : value)),
  );
  return Buffer.from(json, 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor} with `shape` naming each value's type (`id`: a
 * document id's shape; `date`: whole milliseconds within a Date's range); anything else is
 * INVALID_ARGUMENT, so a tampered cursor never reaches the database.
 */
export function decodeCursor(
  cursor: string,
  shape: ('string' | 'id' | 'number' | 'boolean' | 'date')[],
): CursorValue[] {
  const invalid = () =>
    new AppError('INVALID_ARGUMENT', '分页参数无效，请刷新后重试', { cursor: '分页参数无效' });
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(raw) || raw.length !== shape.length) throw invalid();
  return shape.map((type, i) => {
    const value: unknown = raw[i];
    if (type === 'date') {
      const millis = (value as { d?: unknown } | null)?.d;
      if (typeof millis !== 'number' || !Number.isInteger(millis) || Math.abs(millis) > MAX_TIME_MS) {
        throw invalid();
      }
      return new Date(millis);
    }
    if (type === 'id') {
      if (typeof value !== 'string' || patternProblem(docId, value)) throw invalid();
      return value as string;
    }
    if (typeof value !== type || (typeof value === 'number' && !Number.isFinite(value))) throw invalid();
    return value as CursorValue;
  });
}
