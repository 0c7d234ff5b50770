import { idKey, isPlainObject, type Doc } from './ejson';

/**
 * Secondary indexes declared in the manifest, kept sorted in memory and maintained on every commit,
 * and the planner that serves a query from one: equality on a prefix of the index's fields, then
 * an optional range on the next field, and a sort the index order already gives. The planner only
 * narrows the candidates; every candidate is still tested against the whole query, so an index
 * never changes which documents match.
 */

export interface IndexField {
  field: string;
  direction: 1 | -1;
}

export interface IndexSpec {
  name: string;
  keys: IndexField[];
}

interface Entry {
  key: unknown[];
  id: string;
}

/** A position before (-1) or after (+1) every value of one BSON type bracket. */
class Edge {
  constructor(
    readonly rank: number,
    readonly side: -1 | 1,
  ) {}
}

/** MongoDB's order of types: null (and missing) < numbers < strings < booleans < dates. */
function rankOf(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  if (typeof value === 'boolean') return 8;
  if (value instanceof Date) return 9;
  return 10;
}

/** Whether a value can be an index key: a scalar (arrays would make the index multikey). */
function isScalar(value: unknown): boolean {
  return rankOf(value) < 10;
}

function compareValues(a: unknown, b: unknown): number {
  const ra = a instanceof Edge ? a.rank : rankOf(a);
  const rb = b instanceof Edge ? b.rank : rankOf(b);
  if (ra !== rb) return ra - rb;
  if (a instanceof Edge) return b instanceof Edge ? a.side - b.side : a.side;
  if (b instanceof Edge) return -b.side;
  if (ra === 9) return (a as Date).getTime() - (b as Date).getTime();
  if (ra === 1) return 0;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

function fieldValue(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A bound in index order: a key prefix, and whether it sits before (-1) or after (+1) all keys it prefixes. */
interface Bound {
  prefix: unknown[];
  side: -1 | 1;
}

export class SortedIndex {
  private entries: Entry[] = [];
  /** Documents whose key holds an array, object or other non-scalar: while any exist the index is not used. */
  private unindexable = 0;

  constructor(readonly spec: IndexSpec) {}

  get usable(): boolean {
    return this.unindexable === 0;
  }

  get size(): number {
    return this.entries.length;
  }

  private keyOf(doc: Doc): { key: unknown[]; scalar: boolean } {
    const key = this.spec.keys.map(({ field }) => {
      const value = fieldValue(doc, field);
      return value === undefined ? null : value;
    });
    return { key, scalar: key.every(isScalar) };
  }

  private compareEntries(a: Entry, b: Entry): number {
    for (let i = 0; i < this.spec.keys.length; i++) {
      const c = compareValues(a.key[i], b.key[i]) * (this.spec.keys[i]?.direction ?? 1);
      if (c !== 0) return c;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }

  private compareToBound(entry: Entry, bound: Bound): number {
    for (let i = 0; i < bound.prefix.length; i++) {
      const c = compareValues(entry.key[i], bound.prefix[i]) * (this.spec.keys[i]?.direction ?? 1);
      if (c !== 0) return c;
    }
    return -bound.side;
  }

  /** The first position whose entry sorts after `bound`. */
  private positionAfter(bound: Bound): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareToBound(this.entries[mid] as Entry, bound) > 0) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private positionOf(entry: Entry): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareEntries(this.entries[mid] as Entry, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Applies one commit: `removed` are the documents as they were, `added` as they are now. Small
   * commits splice; large ones (a bulk insert, the start) merge, so building is O(n log n).
   */
  apply(removed: Doc[], added: Doc[]): void {
    const toEntry = (doc: Doc): Entry => ({ key: this.keyOf(doc).key, id: idKey(doc._id) });
    for (const doc of removed) if (!this.keyOf(doc).scalar) this.unindexable--;
    for (const doc of added) if (!this.keyOf(doc).scalar) this.unindexable++;
    if (removed.length + added.length < 64) {
      for (const doc of removed) {
        const entry = toEntry(doc);
        const at = this.positionOf(entry);
        const found = this.entries[at];
        if (found && this.compareEntries(found, entry) === 0) this.entries.splice(at, 1);
      }
      for (const doc of added) {
        const entry = toEntry(doc);
        this.entries.splice(this.positionOf(entry), 0, entry);
      }
      return;
    }
    const gone = new Set(removed.map((doc) => idKey(doc._id)));
    const kept = gone.size > 0 ? this.entries.filter((entry) => !gone.has(entry.id)) : this.entries;
    const fresh = added.map(toEntry).sort((a, b) => this.compareEntries(a, b));
    const merged: Entry[] = new Array<Entry>(kept.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < kept.length && j < fresh.length) {
      merged[k++] =
        this.compareEntries(kept[i] as Entry, fresh[j] as Entry) <= 0
          ? (kept[i++] as Entry)
          : (fresh[j++] as Entry);
    }
    while (i < kept.length) merged[k++] = kept[i++] as Entry;
    while (j < fresh.length) merged[k++] = fresh[j++] as Entry;
    this.entries = merged;
  }

  /** Ids between two bounds, in index order or reversed. */
  *scan(start: Bound, end: Bound, reverse: boolean): Generator<string> {
    const from = this.positionAfter(start);
    const to = this.positionAfter(end);
    if (reverse) for (let i = to - 1; i >= from; i--) yield (this.entries[i] as Entry).id;
    else for (let i = from; i < to; i++) yield (this.entries[i] as Entry).id;
  }
}

// ---- planning ---------------------------------------------------------------------------------

interface Range {
  lo?: { value: unknown; inclusive: boolean };
  hi?: { value: unknown; inclusive: boolean };
}

interface Conditions {
  eq: Map<string, unknown>;
  range: Map<string, Range>;
}

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);

/** Whether `bound` narrows more than `current` (`side` 1 for a lower bound, -1 for an upper one). */
function tighter(
  bound: { value: unknown; inclusive: boolean },
  current: { value: unknown; inclusive: boolean },
  side: 1 | -1,
): boolean {
  if (rankOf(bound.value) !== rankOf(current.value)) return false;
  const c = compareValues(bound.value, current.value) * side;
  return c > 0 || (c === 0 && !bound.inclusive && current.inclusive);
}

/** The equality and range conditions on top-level fields (also inside a top-level `$and`). */
function conditionsOf(query: Doc, into: Conditions = { eq: new Map(), range: new Map() }): Conditions {
  for (const [field, condition] of Object.entries(query)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const part of condition) if (isPlainObject(part)) conditionsOf(part, into);
      continue;
    }
    if (field.startsWith('$') || into.eq.has(field)) continue;
    if (!isPlainObject(condition)) {
      if (isScalar(condition)) into.eq.set(field, condition);
      continue;
    }
    const ops = Object.keys(condition);
    if (!ops.every((op) => op.startsWith('$'))) continue;
    if ('$eq' in condition && isScalar(condition.$eq)) {
      into.eq.set(field, condition.$eq);
      continue;
    }
    const range: Range = into.range.get(field) ?? {};
    for (const op of ops) {
      const value = condition[op];
      if (!RANGE_OPERATORS.has(op) || !isScalar(value) || value === null) continue;
      // Several bounds (a cursor's beside a filter's): the tighter one of the same type narrows most.
      if (op === '$gt' || op === '$gte') {
        const bound = { value, inclusive: op === '$gte' };
        if (!range.lo || tighter(bound, range.lo, 1)) range.lo = bound;
      } else {
        const bound = { value, inclusive: op === '$lte' };
        if (!range.hi || tighter(bound, range.hi, -1)) range.hi = bound;
      }
    }
    if (range.lo || range.hi) into.range.set(field, range);
  }
  return into;
}

export interface Plan {
  index: SortedIndex;
  start: Bound;
  end: Bound;
  reverse: boolean;
  /** Whether the scan already yields the requested order. */
  sorted: boolean;
}

/** The best index for a query and order, or undefined when none narrows or orders it. */
export function plan(
  indexes: SortedIndex[],
  query: Doc | undefined,
  order: Record<string, 1 | -1> | undefined,
): Plan | undefined {
  const conditions = conditionsOf(query ?? {});
  const orderFields = Object.entries(order ?? {});
  let best: { plan: Plan; score: number } | undefined;
  for (const index of indexes) {
    if (!index.usable) continue;
    const keys = index.spec.keys;
    let p = 0;
    while (p < keys.length && conditions.eq.has((keys[p] as IndexField).field)) p++;
    const prefix = keys.slice(0, p).map(({ field }) => conditions.eq.get(field));
    const next = keys[p];
    const range = next ? conditions.range.get(next.field) : undefined;
    const usableRange =
      range && (!range.lo || !range.hi || rankOf(range.lo.value) === rankOf(range.hi.value))
        ? range
        : undefined;

    // The order, less fields pinned by equality, must follow the index from position p on.
    const wanted = orderFields.filter(([field]) => !conditions.eq.has(field));
    let direction: 1 | -1 | undefined = 1;
    for (let i = 0; i < wanted.length; i++) {
      const key = keys[p + i];
      const [field, dir] = wanted[i] as [string, 1 | -1];
      if (!key || key.field !== field) {
        direction = undefined;
        break;
      }
      const relative = (dir * key.direction) as 1 | -1;
      if (i === 0) direction = relative;
      else if (relative !== direction) {
        direction = undefined;
        break;
      }
    }
    const sorted = direction !== undefined;
    if (p === 0 && !usableRange && !(sorted && wanted.length > 0)) continue;

    let start: Bound = { prefix, side: -1 };
    let end: Bound = { prefix, side: 1 };
    if (usableRange && next) {
      const rank = rankOf((usableRange.lo ?? usableRange.hi)?.value);
      const low: Bound = usableRange.lo
        ? { prefix: [...prefix, usableRange.lo.value], side: usableRange.lo.inclusive ? -1 : 1 }
        : { prefix: [...prefix, new Edge(rank, -1)], side: -1 };
      const high: Bound = usableRange.hi
        ? { prefix: [...prefix, usableRange.hi.value], side: usableRange.hi.inclusive ? 1 : -1 }
        : { prefix: [...prefix, new Edge(rank, 1)], side: 1 };
      // In a descending field the high value comes first in index order.
      if (next.direction === 1) [start, end] = [low, high];
      else
        [start, end] = [
          { prefix: high.prefix, side: -high.side as -1 | 1 },
          { prefix: low.prefix, side: -low.side as -1 | 1 },
        ];
    }
    // An index that gives the requested order wins: every read has a limit (at most 1000), so it
    // stops after a page, where a narrower range without the order must read and sort all of it.
    const score = (sorted && wanted.length > 0 ? 1000 : 0) + p * 2 + (usableRange ? 1 : 0);
    if (!best || score > best.score) {
      best = { plan: { index, start, end, reverse: direction === -1, sorted }, score };
    }
  }
  return best?.plan;
}
