import { idKey, isPlainObject, type Doc } from './ejson';
import { MISSING, valuesAt } from './paths';

/**
 * Secondary indexes declared in the manifest, kept sorted in memory and maintained on every commit,
 * and the planner that serves a query from one: equality (or `$in`) on a prefix of the index's
 * fields, then an optional range on the next field, and a sort the index order already gives. The
 * planner only narrows the candidates; every candidate is still tested against the whole query, so
 * an index never changes which documents match.
 *
 * An index on a field that holds arrays is multikey, as in MongoDB: a document has one entry per
 * element (per distinct combination, for a compound index), so equality and `$in` on an element
 * find it. A multikey field takes one side of a range only (`{ $gt: 5, $lt: 9 }` holds of
 * `[3, 12]` through different elements) and never gives a sort order; a document found more than
 * once is answered once.
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

/** Whether a value can be an index key: a scalar (an array's elements are keys of a multikey index). */
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

/**
 * The key values of one indexed field in `doc`, and whether an array was on the way (multikey): a
 * missing field (also in an object element) is null; an array stands for its elements, an empty
 * one for null, as the query resolves paths (`paths.ts`).
 */
function fieldKeys(doc: Doc, path: string[]): { values: unknown[]; multikey: boolean } {
  let value: unknown = doc;
  for (const part of path) {
    if (Array.isArray(value)) break;
    if (!isPlainObject(value)) return { values: [null], multikey: false };
    value = value[part];
  }
  if (!Array.isArray(value)) return { values: [value === undefined ? null : value], multikey: false };
  const values = [...new Set(valuesAt(doc, path, 'elements').map((key) => (key === MISSING ? null : key)))];
  return { values: values.length > 0 ? values : [null], multikey: true };
}

/** A bound in index order: a key prefix, and whether it sits before (-1) or after (+1) all keys it prefixes. */
interface Bound {
  prefix: unknown[];
  side: -1 | 1;
}

/** Index entries of one document: every combination of its fields' key values. */
interface DocKeys {
  keys: unknown[][];
  /** Per field, whether it held an array. */
  multikey: boolean[];
  /** Whether some key is an object or a nested array, which this index cannot order. */
  unindexable: boolean;
}

export class SortedIndex {
  private entries: Entry[] = [];
  /** Documents with an object or nested-array key: while any exist the index is not used. */
  private unindexable = 0;
  /** Per field, documents in which it holds an array. */
  private readonly multikeyDocs: number[];
  private readonly paths: string[][];

  constructor(readonly spec: IndexSpec) {
    this.multikeyDocs = spec.keys.map(() => 0);
    this.paths = spec.keys.map(({ field }) => field.split('.'));
  }

  get usable(): boolean {
    return this.unindexable === 0;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Whether the field at `position` holds an array in some document. */
  isMultikey(position: number): boolean {
    return (this.multikeyDocs[position] ?? 0) > 0;
  }

  get anyMultikey(): boolean {
    return this.multikeyDocs.some((count) => count > 0);
  }

  private keysOf(doc: Doc): DocKeys {
    let keys: unknown[][] = [[]];
    const multikey: boolean[] = [];
    let unindexable = false;
    for (const path of this.paths) {
      const field = fieldKeys(doc, path);
      multikey.push(field.multikey);
      if (!field.values.every(isScalar)) unindexable = true;
      keys = keys.flatMap((prefix) => field.values.map((value) => [...prefix, value]));
    }
    return { keys, multikey, unindexable };
  }

  private count(doc: Doc, by: 1 | -1): Entry[] {
    const { keys, multikey, unindexable } = this.keysOf(doc);
    if (unindexable) this.unindexable += by;
    multikey.forEach((multi, i) => {
      if (multi) this.multikeyDocs[i] = (this.multikeyDocs[i] ?? 0) + by;
    });
    const id = idKey(doc._id);
    return keys.map((key) => ({ key, id }));
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
    const out = removed.flatMap((doc) => this.count(doc, -1));
    const into = added.flatMap((doc) => this.count(doc, 1));
    if (out.length + into.length < 64) {
      for (const entry of out) {
        const at = this.positionOf(entry);
        const found = this.entries[at];
        if (found && this.compareEntries(found, entry) === 0) this.entries.splice(at, 1);
      }
      for (const entry of into) this.entries.splice(this.positionOf(entry), 0, entry);
      return;
    }
    const gone = new Set(out.map((entry) => entry.id));
    const kept = gone.size > 0 ? this.entries.filter((entry) => !gone.has(entry.id)) : this.entries;
    const fresh = into.sort((a, b) => this.compareEntries(a, b));
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

  /** Entries between two bounds, in index order or reversed. */
  private *range({ start, end }: Span, reverse: boolean): Generator<Entry> {
    const from = this.positionAfter(start);
    const to = this.positionAfter(end);
    if (reverse) for (let i = to - 1; i >= from; i--) yield this.entries[i] as Entry;
    else for (let i = from; i < to; i++) yield this.entries[i] as Entry;
  }

  /**
   * The ids a plan's spans hold, each once. Several spans (`$in`) in a sorted plan are merged on
   * the fields after the pinned prefix, which each span already orders.
   */
  *scan(plan: Pick<Plan, 'spans' | 'reverse' | 'sorted' | 'pinned'>): Generator<string> {
    const seen = new Set<string>();
    const once = (id: string) => {
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    };
    if (!plan.sorted || plan.spans.length === 1) {
      for (const span of plan.spans)
        for (const { id } of this.range(span, plan.reverse)) if (once(id)) yield id;
      return;
    }
    const order = (a: Entry, b: Entry): number => {
      for (let i = plan.pinned; i < this.spec.keys.length; i++) {
        const c = compareValues(a.key[i], b.key[i]) * (this.spec.keys[i]?.direction ?? 1);
        if (c !== 0) return plan.reverse ? -c : c;
      }
      const c = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      return plan.reverse ? -c : c;
    };
    const heads = plan.spans
      .map((span) => this.range(span, plan.reverse))
      .map((it) => ({ it, next: it.next() }));
    for (;;) {
      let best: (typeof heads)[number] | undefined;
      for (const head of heads) {
        if (head.next.done) continue;
        if (!best || order(head.next.value, best.next.value as Entry) < 0) best = head;
      }
      if (!best) return;
      const { id } = best.next.value as Entry;
      best.next = best.it.next();
      if (once(id)) yield id;
    }
  }
}

/** One stretch of an index, between two bounds. */
interface Span {
  start: Bound;
  end: Bound;
}

// ---- planning ---------------------------------------------------------------------------------

interface Range {
  lo?: { value: unknown; inclusive: boolean };
  hi?: { value: unknown; inclusive: boolean };
}

interface Conditions {
  eq: Map<string, unknown>;
  /** `$in` lists of scalars: each value is an equality to seek. */
  in: Map<string, unknown[]>;
  range: Map<string, Range>;
}

/** At most this many spans (combinations of `$in` values) are sought in one index. */
const MAX_SPANS = 200;

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
function conditionsOf(
  query: Doc,
  into: Conditions = { eq: new Map(), in: new Map(), range: new Map() },
): Conditions {
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
    const list = condition.$in;
    if (Array.isArray(list) && list.length > 0 && list.every(isScalar) && !into.in.has(field)) {
      into.in.set(field, [...new Set(list)]);
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
  /** Stretches of the index to read: one per combination of the `$in` values in the prefix. */
  spans: Span[];
  reverse: boolean;
  /** Whether the scan already yields the requested order. */
  sorted: boolean;
  /** How many leading index fields equality or `$in` pins. */
  pinned: number;
}

/** The stretch of an index under `prefix`, narrowed by a range on the field after it. */
function spanOf(prefix: unknown[], next: IndexField | undefined, range: Range | undefined): Span {
  if (!range || !next) return { start: { prefix, side: -1 }, end: { prefix, side: 1 } };
  const rank = rankOf((range.lo ?? range.hi)?.value);
  const low: Bound = range.lo
    ? { prefix: [...prefix, range.lo.value], side: range.lo.inclusive ? -1 : 1 }
    : { prefix: [...prefix, new Edge(rank, -1)], side: -1 };
  const high: Bound = range.hi
    ? { prefix: [...prefix, range.hi.value], side: range.hi.inclusive ? 1 : -1 }
    : { prefix: [...prefix, new Edge(rank, 1)], side: 1 };
  // In a descending field the high value comes first in index order.
  if (next.direction === 1) return { start: low, end: high };
  return {
    start: { prefix: high.prefix, side: -high.side as -1 | 1 },
    end: { prefix: low.prefix, side: -low.side as -1 | 1 },
  };
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
    // The pinned prefix: equality, or `$in` (one span per combination of values).
    let prefixes: unknown[][] = [[]];
    let p = 0;
    for (; p < keys.length; p++) {
      const field = (keys[p] as IndexField).field;
      if (conditions.eq.has(field)) {
        prefixes = prefixes.map((prefix) => [...prefix, conditions.eq.get(field)]);
        continue;
      }
      const list = conditions.in.get(field);
      if (!list || prefixes.length * list.length > MAX_SPANS) break;
      prefixes = prefixes.flatMap((prefix) => list.map((value) => [...prefix, value]));
    }
    const next = keys[p];
    let range = next ? conditions.range.get(next.field) : undefined;
    if (range?.lo && range.hi) {
      if (rankOf(range.lo.value) !== rankOf(range.hi.value)) range = undefined;
      // Different elements of an array may meet the two sides: seek by one of them only.
      else if (index.isMultikey(p)) range = { lo: range.lo };
    }

    // The order, less fields pinned by equality, must follow the index from position p on, on
    // fields that never hold arrays.
    const wanted = orderFields.filter(([field]) => !conditions.eq.has(field));
    let direction: 1 | -1 | undefined = 1;
    for (let i = 0; i < wanted.length; i++) {
      const key = keys[p + i];
      const [field, dir] = wanted[i] as [string, 1 | -1];
      if (!key || key.field !== field || index.isMultikey(p + i)) {
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
    if (p === 0 && !range && !(sorted && wanted.length > 0)) continue;

    const spans = prefixes.map((prefix) => spanOf(prefix, next, range));
    // An index that gives the requested order wins: every read has a limit (at most 1000), so it
    // stops after a page, where a narrower range without the order must read and sort all of it.
    const score = (sorted && wanted.length > 0 ? 1000 : 0) + p * 2 + (range ? 1 : 0);
    if (!best || score > best.score) {
      best = { plan: { index, spans, reverse: direction === -1, sorted, pinned: p }, score };
    }
  }
  return best?.plan;
}
