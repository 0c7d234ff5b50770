import { Context, evalExpr } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { GEO_QUERY_OPERATORS } from './geo';
import { isDate, isNil } from 'mingo/util';
import { PATH_QUERY_OPERATORS } from './query-operators';
import { $sort } from './sort';
import type { AnyObject, Options } from 'mingo/types';

type Operators = NonNullable<Parameters<typeof Context.init>[0]>;
type ExpressionOperator = (obj: unknown, expr: unknown, options: Options) => unknown;

/**
 * Operators where mingo departs from MongoDB (and so from CloudBase, which runs on it), replaced
 * in the context every query and pipeline runs with: the query operators on a field resolve its
 * path as MongoDB does (`query-operators.ts`); `$sort` orders arrays and missing fields as MongoDB
 * does (`sort.ts`); `$week` is not MongoDB's Sunday-based week;
 * `$indexOfCP` is missing; `$substr`/`$substrBytes` refuse MongoDB's negative count ("to the end").
 */

/** A date operand of a date operator (a date expression; the `{ date, timezone }` form is not supported). */
function dateOf(obj: unknown, expr: unknown, options: Options, operator: string): Date | null {
  const value = evalExpr(obj as AnyObject, expr, options);
  if (isNil(value)) return null;
  if (!isDate(value)) throw new Error(`${operator} takes a date`);
  return value;
}

/** `$week`: weeks start on Sunday; days before the year's first Sunday are week 0 (UTC). */
const $week: ExpressionOperator = (obj, expr, options) => {
  const date = dateOf(obj, expr, options, '$week');
  if (!date) return null;
  const startOfYear = Date.UTC(date.getUTCFullYear(), 0, 1);
  const dayOfYear = Math.floor((date.getTime() - startOfYear) / 86_400_000);
  const firstSunday = (7 - new Date(startOfYear).getUTCDay()) % 7;
  return dayOfYear < firstSunday ? 0 : Math.floor((dayOfYear - firstSunday) / 7) + 1;
};

/** `$indexOfCP`: [string, substring, start?, end?], positions in code points; null string → null. */
const $indexOfCP: ExpressionOperator = (obj, expr, options) => {
  const args = evalExpr(obj as AnyObject, expr, options) as unknown[];
  if (!Array.isArray(args) || args.length < 2 || args.length > 4) {
    throw new Error('$indexOfCP takes [string, substring, start?, end?]');
  }
  const [text, search, start = 0, end] = args;
  if (isNil(text)) return null;
  if (typeof text !== 'string' || typeof search !== 'string') {
    throw new Error('$indexOfCP takes strings');
  }
  const points = [...text];
  const from = Number(start);
  const to = end === undefined ? points.length : Math.min(Number(end), points.length);
  if (!Number.isInteger(from) || from < 0 || !Number.isInteger(to) || to < 0) {
    throw new Error('$indexOfCP takes non-negative integer positions');
  }
  const needle = [...search];
  for (let i = from; i + needle.length <= to; i++) {
    if (needle.every((point, j) => points[i + j] === point)) return i;
  }
  return -1;
};

/**
 * `$substrBytes` (and its alias `$substr`): [string, byte index, byte count] over UTF-8; a negative
 * count means to the end; an index inside a character is an error, as in MongoDB.
 */
const $substrBytes: ExpressionOperator = (obj, expr, options) => {
  const args = evalExpr(obj as AnyObject, expr, options) as unknown[];
  if (!Array.isArray(args) || args.length !== 3) throw new Error('$substrBytes takes [string, start, count]');
  const [value, start, count] = args;
  const text = isNil(value) ? '' : String(value);
  const bytes = Buffer.from(text, 'utf8');
  const from = Number(start);
  if (!Number.isInteger(from) || from < 0)
    throw new Error('$substrBytes: the start must be a non-negative integer');
  if (!Number.isInteger(Number(count))) throw new Error('$substrBytes: the count must be an integer');
  if (from >= bytes.length) return '';
  const to = Number(count) < 0 ? bytes.length : Math.min(bytes.length, from + Number(count));
  const continuation = (at: number) => at < bytes.length && ((bytes[at] as number) & 0xc0) === 0x80;
  if (continuation(from)) throw new Error('$substrBytes: the start is inside a UTF-8 character');
  if (continuation(to)) throw new Error('$substrBytes: the end is inside a UTF-8 character');
  return bytes.subarray(from, to).toString('utf8');
};

/**
 * The context queries and pipelines run with: mingo's operators, corrected where listed above. Whole,
 * for the base `Query`/`Aggregator` classes: mingo's own entry point merges a given context under
 * its defaults, which would win over these.
 */
export const CLOUDBASE_OPERATORS = Context.init({
  accumulator: accumulatorOperators as Operators['accumulator'],
  expression: {
    ...expressionOperators,
    $week,
    $indexOfCP,
    $substr: $substrBytes,
    $substrBytes,
  } as Operators['expression'],
  pipeline: { ...pipelineOperators, $sort } as Operators['pipeline'],
  projection: projectionOperators as Operators['projection'],
  query: { ...queryOperators, ...PATH_QUERY_OPERATORS, ...GEO_QUERY_OPERATORS } as Operators['query'],
  window: windowOperators as Operators['window'],
});
