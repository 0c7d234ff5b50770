import { isPlainObject } from './ejson';

/**
 * MongoDB's resolution of a dotted field path in a query (and so CloudBase's), which mingo does not
 * follow: the path walks into the object elements of an array on its way (`items.k` reaches every
 * `k`), but never into an array nested directly in an array (`a: [[{ b: 1 }]]` has no `a.b`) unless
 * a numeric part names its position (`a.0.b`); scalar elements on the way lead nowhere; an object
 * element lacking the next field, or a scalar where the path goes on, is a missing value. At the
 * end of the path an array stands for itself and, unless the operator looks at arrays only
 * (`$size`, `$elemMatch`), for each of its elements, one level deep.
 *
 * So `{ "a.b": null }` matches `a: [{}]` and a document without `a`, not `a: []` or `a: [5]`; and
 * `{ "a.b": { $size: 2 } }` looks at each `b`, never at the list of all `b`s.
 */

/** A path that ends nowhere (the field is absent), as distinct from a stored null. */
export const MISSING: unique symbol = Symbol('missing');
export type PathValue = unknown;

/**
 * What an array at the end of a path stands for: itself and its elements (most operators), itself
 * only (operators on arrays: `$size`, `$elemMatch`), or its elements only (index keys).
 */
export type LeafArrays = 'itself-and-elements' | 'itself' | 'elements';

/** Whether any value `path` reaches in `doc` satisfies `test`. */
export function anyValueAt(
  doc: unknown,
  path: string[],
  test: (value: PathValue) => boolean,
  leafArrays: LeafArrays = 'itself-and-elements',
): boolean {
  // The common case first, without allocating: a chain of objects down to a value that is no array.
  let value: unknown = doc;
  let at = 0;
  while (at < path.length && isPlainObject(value)) value = value[path[at++] as string];
  if (at === path.length && !Array.isArray(value)) return test(value === undefined ? MISSING : value);
  if (at < path.length && !Array.isArray(value)) return test(MISSING);
  const walk = (value: unknown, at: number): boolean => {
    if (at === path.length) {
      if (value === undefined) return test(MISSING);
      if (!Array.isArray(value)) return test(value);
      if (leafArrays !== 'elements' && test(value)) return true;
      return leafArrays !== 'itself' && value.some((element) => test(element));
    }
    const part = path[at] as string;
    if (isPlainObject(value)) return walk(value[part], at + 1);
    if (Array.isArray(value)) {
      // A numeric part also names a position; object elements are walked into by field name.
      if (/^\d+$/.test(part) && Number(part) < value.length && walk(value[Number(part)], at + 1)) return true;
      return value.some((element) => isPlainObject(element) && walk(element[part], at + 1));
    }
    return test(MISSING);
  };
  return walk(value, at);
}

/** Every value `path` reaches in `doc` (missing ones as `MISSING`), as `anyValueAt` visits them. */
export function valuesAt(
  doc: unknown,
  path: string[],
  leafArrays: LeafArrays = 'itself-and-elements',
): PathValue[] {
  const out: PathValue[] = [];
  anyValueAt(
    doc,
    path,
    (value) => {
      out.push(value);
      return false;
    },
    leafArrays,
  );
  return out;
}
