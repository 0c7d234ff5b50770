import { Query } from 'mingo/query';
import type { AnyObject, Options } from 'mingo/types';
import { compare, isEqual, normalize, typeOf } from 'mingo/util';
import { isPlainObject } from './ejson';
import { anyValueAt, MISSING, type LeafArrays, type PathValue } from './paths';

/**
 * The query operators that look at a field, on MongoDB's path resolution (`paths.ts`) instead of
 * mingo's: each operator is a test of one value, and a condition on a path holds when any value
 * the path reaches passes it (`$ne`, `$nin` when none equals). The same one-value tests serve
 * `$elemMatch` with operator conditions (`{ $elemMatch: { $gt: 1 } }`), which MongoDB applies to
 * each element as it is.
 */

type QueryOperator = (selector: string, value: unknown, options: Options) => (doc: AnyObject) => boolean;
type ValueTest = (value: PathValue) => boolean;

class QueryError extends Error {}

const isNullish = (value: PathValue): boolean => value === MISSING || value === null || value === undefined;

function equals(operand: unknown): ValueTest {
  if (operand === null) return isNullish;
  if (typeof operand === 'string' || typeof operand === 'number' || typeof operand === 'boolean') {
    return (value) => value === operand;
  }
  if (operand instanceof Date) {
    const time = operand.getTime();
    return (value) => value instanceof Date && value.getTime() === time;
  }
  return (value) => value !== MISSING && isEqual(value, operand);
}

/** A RegExp as MongoDB applies it: no global or sticky state between tests. */
function regexOf(pattern: unknown, options?: unknown): RegExp {
  const flags = typeof options === 'string' ? options : '';
  if (pattern instanceof RegExp)
    return new RegExp(pattern.source, (flags || pattern.flags).replace(/[gy]/g, ''));
  if (typeof pattern === 'string') return new RegExp(pattern, flags.replace(/[gy]/g, ''));
  throw new QueryError('$regex takes a string or a regular expression');
}

function matchesRegex(re: RegExp): ValueTest {
  return (value) => typeof value === 'string' && re.test(value);
}

function inList(list: unknown, operator: string): ValueTest {
  if (!Array.isArray(list)) throw new QueryError(`${operator} takes an array`);
  const tests = list.map((entry) => (entry instanceof RegExp ? matchesRegex(regexOf(entry)) : equals(entry)));
  return (value) => tests.some((test) => test(value));
}

/** `$gt` and friends: values of the operand's type only (MongoDB's type brackets); null bounds match null and missing. */
function ordered(operand: unknown, accept: (order: number) => boolean, inclusive: boolean): ValueTest {
  if (operand === null) return inclusive ? isNullish : () => false;
  // Numbers, strings and dates (what ranges are on almost always) compare without the generic path.
  if (typeof operand === 'number' || typeof operand === 'string') {
    const kind = typeof operand;
    return (value) =>
      typeof value === kind &&
      accept((value as number) < (operand as number) ? -1 : (value as number) > (operand as number) ? 1 : 0);
  }
  if (operand instanceof Date) {
    const time = operand.getTime();
    return (value) => value instanceof Date && accept(value.getTime() - time);
  }
  const type = typeOf(operand);
  return (value) => value !== MISSING && typeOf(value) === type && accept(compare(value, operand));
}

/** The `$type` aliases of BSON types a stored value can have here (numbers are doubles or integers alike). */
const TYPE_TESTS: Record<string, ValueTest> = {
  double: (value) => typeof value === 'number',
  number: (value) => typeof value === 'number',
  int: (value) => Number.isInteger(value),
  long: (value) => Number.isInteger(value),
  decimal: (value) => typeof value === 'number',
  string: (value) => typeof value === 'string',
  object: (value) => isPlainObject(value),
  array: (value) => Array.isArray(value),
  bool: (value) => typeof value === 'boolean',
  date: (value) => value instanceof Date,
  null: (value) => value === null,
  regex: (value) => value instanceof RegExp,
};
const TYPE_CODES: Record<number, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  16: 'int',
  18: 'long',
  19: 'decimal',
};

function hasType(operand: unknown): ValueTest {
  const tests = (Array.isArray(operand) ? operand : [operand]).map((type) => {
    const name = typeof type === 'number' ? TYPE_CODES[type] : type;
    const test = typeof name === 'string' ? TYPE_TESTS[name] : undefined;
    if (!test) throw new QueryError(`$type: unknown type ${String(type)}`);
    return test;
  });
  return (value) => value !== MISSING && tests.some((test) => test(value));
}

function modulo(operand: unknown): ValueTest {
  if (!Array.isArray(operand) || operand.length !== 2 || !operand.every((n) => typeof n === 'number')) {
    throw new QueryError('$mod takes [divisor, remainder]');
  }
  const divisor = Math.trunc(operand[0] as number);
  const remainder = Math.trunc(operand[1] as number);
  if (divisor === 0) throw new QueryError('$mod: the divisor must not be 0');
  return (value) => typeof value === 'number' && Math.trunc(value) % divisor === remainder;
}

function sized(operand: unknown): ValueTest {
  if (typeof operand !== 'number' || !Number.isInteger(operand) || operand < 0) {
    throw new QueryError('$size takes a non-negative integer');
  }
  return (value) => Array.isArray(value) && value.length === operand;
}

/**
 * `$elemMatch`: field conditions apply to embedded documents only, never to scalar elements;
 * operator conditions (`{ $gt: 1 }`) to each element as it is, whatever its type.
 */
function elementMatching(criteria: unknown, options: Options): ValueTest {
  const conditions = isPlainObject(criteria) ? criteria : {};
  const keys = Object.keys(conditions);
  const onFields =
    keys.length === 0 || keys.some((key) => !key.startsWith('$') || ['$and', '$or', '$nor'].includes(key));
  let test: ValueTest;
  if (onFields) {
    const query = compileQuery(conditions, options) ?? mingoMatcher(conditions, options);
    test = (element) => isPlainObject(element) && query(element as AnyObject);
  } else {
    test = valueConditions(conditions);
  }
  return (value) => Array.isArray(value) && value.some((element) => test(element));
}

function mingoMatcher(conditions: Record<string, unknown>, options: Options): Matcher {
  const query = new Query(conditions as AnyObject, options);
  return (doc) => query.test(doc);
}

/** A one-value test for each operator. */
const VALUE_TESTS: Record<
  string,
  (operand: unknown, options: Options, all: Record<string, unknown>) => ValueTest
> = {
  $eq: (operand) => equals(operand),
  $ne: (operand) => {
    const test = equals(operand);
    return (value) => !test(value);
  },
  $gt: (operand) => ordered(operand, (order) => order > 0, false),
  $gte: (operand) => ordered(operand, (order) => order >= 0, true),
  $lt: (operand) => ordered(operand, (order) => order < 0, false),
  $lte: (operand) => ordered(operand, (order) => order <= 0, true),
  $in: (operand) => inList(operand, '$in'),
  $nin: (operand) => {
    const test = inList(operand, '$nin');
    return (value) => !test(value);
  },
  $regex: (operand, _options, all) => matchesRegex(regexOf(operand, all.$options)),
  $options: () => () => true,
  $exists: (operand) => (value) => (value !== MISSING) === Boolean(operand),
  $type: (operand) => hasType(operand),
  $mod: (operand) => modulo(operand),
  $size: (operand) => sized(operand),
  $all: (operand, options) => {
    if (!Array.isArray(operand)) throw new QueryError('$all takes an array');
    const tests = operand.map((entry) => entryOfAll(entry, options));
    return (value) => tests.length > 0 && tests.every((test) => test(value));
  },
  $elemMatch: (operand, options) => elementMatching(operand, options),
  $not: (operand, options) => {
    const test = isPlainObject(operand) ? valueConditions(operand, options) : matchesRegex(regexOf(operand));
    return (value) => !test(value);
  },
};

/** An entry of `$all`: a value to equal, a regular expression, or `{ $elemMatch }`. */
function entryOfAll(entry: unknown, options: Options): ValueTest {
  if (entry instanceof RegExp) return matchesRegex(regexOf(entry));
  if (isPlainObject(entry) && Object.keys(entry).length === 1 && '$elemMatch' in entry) {
    return elementMatching(entry.$elemMatch, options);
  }
  return equals(entry);
}

function valueTest(
  operator: string,
  operand: unknown,
  options: Options,
  all: Record<string, unknown>,
): ValueTest {
  const make = VALUE_TESTS[operator];
  if (!make) throw new QueryError(`unknown operator ${operator}`);
  return make(operand, options, all);
}

/** Operator conditions on one value (all must hold). */
function valueConditions(conditions: Record<string, unknown>, options = {} as Options): ValueTest {
  const tests = Object.entries(conditions).map(([operator, operand]) =>
    valueTest(operator, operand, options, conditions),
  );
  return (value) => tests.every((test) => test(value));
}

/** A path operator: some value the path reaches passes the one-value test. */
function onPath(operator: string, leafArrays?: LeafArrays): QueryOperator {
  return (selector, operand, options) => {
    const test = valueTest(operator, operand, options, {});
    const path = selector.split('.');
    return (doc) => anyValueAt(doc, path, test, leafArrays);
  };
}

/** A negated path operator: no value the path reaches passes the positive test. */
function noneOnPath(positive: string): QueryOperator {
  const some = onPath(positive);
  return (selector, operand, options) => {
    const test = some(selector, operand, options);
    return (doc) => !test(doc);
  };
}

/** `$all`: each entry holds of some value the path reaches (MongoDB: an `$and` of equalities). */
const $all: QueryOperator = (selector, operand, options) => {
  if (!Array.isArray(operand)) throw new QueryError('$all takes an array');
  const path = selector.split('.');
  const tests = operand.map((entry) => {
    const test = entryOfAll(entry, options);
    const leafArrays = isPlainObject(entry) && '$elemMatch' in entry ? 'itself' : undefined;
    return (doc: AnyObject) => anyValueAt(doc, path, test, leafArrays);
  });
  return (doc) => tests.length > 0 && tests.every((test) => test(doc));
};

/** `$exists`: whether the path reaches any value at all. */
const $exists: QueryOperator = (selector, operand) => {
  const path = selector.split('.');
  const present = (doc: AnyObject) => anyValueAt(doc, path, (value) => value !== MISSING);
  return operand ? present : (doc) => !present(doc);
};

export const PATH_QUERY_OPERATORS: Record<string, QueryOperator> = {
  $eq: onPath('$eq'),
  $ne: noneOnPath('$eq'),
  $gt: onPath('$gt'),
  $gte: onPath('$gte'),
  $lt: onPath('$lt'),
  $lte: onPath('$lte'),
  $in: onPath('$in'),
  $nin: noneOnPath('$in'),
  $regex: onPath('$regex'),
  $type: onPath('$type'),
  $mod: onPath('$mod'),
  $size: onPath('$size', 'itself'),
  $elemMatch: onPath('$elemMatch', 'itself'),
  $all,
  $exists,
};

/** A compiled query: whether a document matches. */
export type Matcher = (doc: AnyObject) => boolean;

/**
 * Compiles a query made of field conditions (on the operators above) and `$and`/`$or`/`$nor`
 * directly, without mingo's general machinery, which costs more than a page of results to set up.
 * Anything else (`$expr`, `$jsonSchema`, `$not`, geo and bitwise operators) answers undefined and is
 * left to mingo, which calls the same operators.
 */
export function compileQuery(query: Record<string, unknown>, options: Options): Matcher | undefined {
  const tests: Matcher[] = [];
  for (const [field, condition] of Object.entries(query)) {
    if (field === '$and' || field === '$or' || field === '$nor') {
      if (!Array.isArray(condition) || condition.length === 0) return undefined;
      const parts = condition.map((part) => (isPlainObject(part) ? compileQuery(part, options) : undefined));
      if (!parts.every((part): part is Matcher => part !== undefined)) return undefined;
      if (field === '$and') tests.push((doc) => parts.every((part) => part(doc)));
      else if (field === '$or') tests.push((doc) => parts.some((part) => part(doc)));
      else tests.push((doc) => !parts.some((part) => part(doc)));
      continue;
    }
    if (field.startsWith('$')) return undefined;
    for (const [operator, operand] of Object.entries(normalize(condition) as Record<string, unknown>)) {
      const make = PATH_QUERY_OPERATORS[operator];
      if (!make) return undefined;
      tests.push(make(field, operand, options));
    }
  }
  return (doc) => tests.every((test) => test(doc));
}
