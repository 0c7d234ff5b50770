import { Lazy, type Iterator } from 'mingo/lazy';
import type { AnyObject, Options } from 'mingo/types';
import { compare } from 'mingo/util';
import { isPlainObject } from './ejson';
import { MISSING, valuesAt } from './paths';

/**
 * MongoDB's sort order (and so CloudBase's), which mingo does not follow for arrays: a field that
 * holds an array sorts by its smallest element ascending and by its largest descending, also
 * through a dotted path into arrays of objects; an empty array sorts before null; a missing field
 * sorts as null, level with it. Values of different types sort in BSON order: null, numbers,
 * strings, objects, arrays, booleans, dates, regular expressions.
 */

/** The sort key of an empty array (or of a path that reaches no value at all). */
const EMPTY: unique symbol = Symbol('empty array');

function bracket(value: unknown): number {
  if (value === EMPTY) return 0;
  if (value === null || value === undefined) return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  if (Array.isArray(value)) return 5;
  if (typeof value === 'boolean') return 8;
  if (value instanceof Date) return 9;
  if (value instanceof RegExp) return 11;
  return 4;
}

/** Compares two sort keys in BSON order. */
export function compareSortKeys(a: unknown, b: unknown): number {
  const [ra, rb] = [bracket(a), bracket(b)];
  if (ra !== rb) return ra - rb;
  if (ra <= 1) return 0;
  if (ra === 9) return (a as Date).getTime() - (b as Date).getTime();
  if (ra === 2 || ra === 3 || ra === 8)
    return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  return compare(a, b);
}

/** The value a document sorts by on `path`: the smallest one the path reaches ascending, the largest descending. */
function sortKey(doc: unknown, path: string[], direction: 1 | -1): unknown {
  // The common case without allocating: objects down to a value that is no array.
  let value: unknown = doc;
  let at = 0;
  while (at < path.length && isPlainObject(value)) value = value[path[at++] as string];
  if (!Array.isArray(value)) return at === path.length && value !== undefined ? value : null;
  const values = valuesAt(doc, path, 'elements');
  if (values.length === 0) return EMPTY;
  let key: unknown = values[0] === MISSING ? null : values[0];
  for (const value of values.slice(1)) {
    const candidate = value === MISSING ? null : value;
    if (compareSortKeys(candidate, key) * direction < 0) key = candidate;
  }
  return key;
}

/** `docs` sorted by `order` (field → 1 | -1), stably: ties keep their order. */
export function sortDocs<T>(docs: T[], order: Record<string, 1 | -1>): T[] {
  const fields = Object.entries(order).map(([field, direction]) => ({ path: field.split('.'), direction }));
  return docs
    .map((doc) => ({ doc, keys: fields.map(({ path, direction }) => sortKey(doc, path, direction)) }))
    .sort((x, y) => {
      for (let i = 0; i < fields.length; i++) {
        const c = compareSortKeys(x.keys[i], y.keys[i]) * (fields[i]?.direction ?? 1);
        if (c !== 0) return c;
      }
      return 0;
    })
    .map(({ doc }) => doc);
}

/** The `$sort` aggregation stage in MongoDB's order. */
export function $sort(collection: Iterator, order: Record<string, 1 | -1>, _options: Options): Iterator {
  const valid =
    order !== null &&
    typeof order === 'object' &&
    Object.keys(order).length > 0 &&
    Object.values(order).every((direction) => direction === 1 || direction === -1);
  if (!valid) throw new Error('$sort takes { field: 1 | -1, … }');
  return collection.transform((docs) => Lazy(sortDocs(docs as AnyObject[], order)));
}
