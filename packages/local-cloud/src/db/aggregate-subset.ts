import { DatabaseError } from './database';

/**
 * The part of MongoDB's aggregation language CloudBase supports, taken from its database
 * documentation (https://docs.cloudbase.net/api-reference/server/node-sdk/database/aggregate for
 * the stages, …/database/aggregate/operators/<name> for each operator) — the same lists
 * `@cloudbase/database` exposes as `aggregate()` stages and `db.command.aggregate.*`. A pipeline using
 * anything else is refused, so what runs locally also runs in the cloud.
 */
const STAGES = new Set([
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$geoNear',
  '$group',
  '$limit',
  '$lookup',
  '$match',
  '$project',
  '$replaceRoot',
  '$sample',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unwind',
]);

/** Accumulators of `group()` and of `bucket()`/`bucketAuto()` `output`. */
const ACCUMULATORS = [
  'addToSet',
  'avg',
  'first',
  'last',
  'max',
  'min',
  'push',
  'stdDevPop',
  'stdDevSamp',
  'sum',
  'mergeObjects',
];

/** Date-part operators: CloudBase documents only `op(<date expression>)`, no `{ date, timezone }` form. */
const DATE_PARTS = new Set([
  '$dayOfMonth',
  '$dayOfWeek',
  '$dayOfYear',
  '$hour',
  '$isoDayOfWeek',
  '$isoWeek',
  '$isoWeekYear',
  '$millisecond',
  '$minute',
  '$month',
  '$second',
  '$week',
  '$year',
]);

const OPERATORS = new Set(
  [
    // arithmetic
    'abs',
    'add',
    'ceil',
    'divide',
    'exp',
    'floor',
    'ln',
    'log',
    'log10',
    'mod',
    'multiply',
    'pow',
    'sqrt',
    'subtract',
    'trunc',
    // array
    'arrayElemAt',
    'arrayToObject',
    'concatArrays',
    'filter',
    'in',
    'indexOfArray',
    'isArray',
    'map',
    'objectToArray',
    'range',
    'reduce',
    'reverseArray',
    'size',
    'slice',
    'zip',
    // boolean and comparison
    'and',
    'not',
    'or',
    'cmp',
    'eq',
    'gt',
    'gte',
    'lt',
    'lte',
    'ne',
    // conditional
    'cond',
    'ifNull',
    'switch',
    // date
    'dateFromParts',
    'dateFromString',
    'dateToString',
    // literal, object, set
    'literal',
    'mergeObjects',
    'allElementsTrue',
    'anyElementTrue',
    'setDifference',
    'setEquals',
    'setIntersection',
    'setIsSubset',
    'setUnion',
    // string
    'concat',
    'indexOfBytes',
    'indexOfCP',
    'split',
    'strLenBytes',
    'strLenCP',
    'strcasecmp',
    'substr',
    'substrBytes',
    'substrCP',
    'toLower',
    'toUpper',
    // variables
    'let',
    ...ACCUMULATORS,
  ].map((name) => `$${name}`),
);
DATE_PARTS.forEach((name) => OPERATORS.add(name));

function refuse(message: string): never {
  throw new DatabaseError('INVALID_PARAM', `${message} (not supported by CloudBase)`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Checks every `$operator` key in an expression (or a spec holding expressions). */
function checkExpression(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(checkExpression);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith('$')) {
      if (!OPERATORS.has(key)) refuse(`The aggregation operator ${key}`);
      if (key === '$literal') continue;
      if (DATE_PARTS.has(key) && isPlainObject(inner) && Object.keys(inner).every((k) => !k.startsWith('$')))
        refuse(`${key} with a { date, timezone } document`);
    }
    checkExpression(inner);
  }
}

/** Refuses a pipeline with a stage or operator outside CloudBase's documented subset. */
export function checkPipeline(pipeline: readonly Record<string, unknown>[]): void {
  for (const stage of pipeline) {
    const [name, spec] = Object.entries(stage)[0] ?? [];
    if (!name || !STAGES.has(name)) refuse(`The aggregation stage ${String(name)}`);
    if (name === '$match') {
      // A query, not an expression: only its $expr holds aggregation operators.
      if (isPlainObject(spec) && '$expr' in spec) checkExpression(spec.$expr);
    } else if (name === '$lookup' && isPlainObject(spec)) {
      if (Array.isArray(spec.pipeline)) checkPipeline(spec.pipeline as Record<string, unknown>[]);
      checkExpression(spec.let);
    } else if (name !== '$geoNear') {
      checkExpression(spec);
    }
  }
}
