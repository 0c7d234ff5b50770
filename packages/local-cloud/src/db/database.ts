import { randomBytes } from 'node:crypto';
import { ProcessingMode, update as applyUpdate } from 'mingo';
import { Aggregator } from 'mingo/aggregator';
import { Query } from 'mingo/query';
import type { AnyObject, Options as MingoOptions } from 'mingo/types';
import { cloneDoc, idKey, isIdValue, type Doc } from './ejson';
import { applyOps, LogStore, type LogOp } from './log-store';
import { checkPipeline } from './aggregate-subset';
import { plan, SortedIndex, type IndexSpec } from './indexes';
import { CLOUDBASE_OPERATORS } from './operators';
import { jsonSchemaValidator } from './json-schema';
import { geoNearStage, nearCondition, nearestFirst } from './geo';
import { sortDocs } from './sort';
import { compileQuery } from './query-operators';
import { topLevelProjection } from './projection';

/** An error the SDK surfaces as `{ code, message }` (and throws). */
export class DatabaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

export interface UniqueIndexSpec {
  name: string;
  fields: string[];
}

export interface CollectionSpec {
  name: string;
  uniqueIndexes: UniqueIndexSpec[];
  /** Every declared index (unique ones too), used by the query planner. */
  indexes: IndexSpec[];
}

export interface FindOptions {
  query?: Doc;
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit?: number;
  projection?: Doc;
}

export interface ModifyOptions {
  query?: Doc;
  data: Doc;
  multi: boolean;
  merge: boolean;
  upsert: boolean;
}

export interface ModifyResult {
  updated: number;
  upsertId?: string | number;
  doc?: Doc | null;
}

/** The default and the maximum number of documents one `get()` returns, as in CloudBase. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** A transaction left open longer than this is aborted. */
const TRANSACTION_TTL_MS = 30_000;

interface Transaction {
  id: string;
  /** Staged writes by collection and id: the new document, or null for a delete. */
  writes: Map<string, Map<string, Doc | null>>;
  /**
   * The snapshot, kept copy-on-write: the version of each document another writer changed after
   * the transaction started, as it was at the start (null: it did not exist).
   */
  before: Map<string, Map<string, Doc | null>>;
  /** Keys the transaction read: a change to one of them since the start fails the commit. */
  read: Set<string>;
  expires: number;
}

/**
 * What CloudBase answers for a transaction id it does not hold: unknown, committed, aborted or
 * past its 30 s (docs.cloudbase.net error-code DATABASE_TRANSACTION_FAIL).
 */
const TRANSACTION_NOT_EXIST =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be committed or aborted within 30 seconds. Please retry the request, but if the problem persists, contact us.';
const TRANSACTION_CONFLICT =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please retry the request, but if the problem persists, contact us.';

const keyOf = (c: string, id: string): string => `${c}\u0000${id}`;
const splitKey = (key: string): [string, string] => {
  const at = key.indexOf('\u0000');
  return [key.slice(0, at), key.slice(at + 1)];
};

function newId(): string {
  return randomBytes(16).toString('hex');
}

function fieldValue(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined ? null : value;
}

/** The key of `doc` in a unique index: missing fields count as null, as in MongoDB. */
function indexKey(doc: Doc, fields: string[]): string {
  return JSON.stringify(
    fields.map((field) => {
      const value = fieldValue(doc, field);
      return value instanceof Date ? { $date: value.getTime() } : value;
    }),
  );
}

function isOperatorDoc(data: Doc): boolean {
  const keys = Object.keys(data);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

/** Equality fields of a query, used to seed an upserted document. */
function equalityFields(query: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$') || key.includes('.')) continue;
    if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)) {
      const ops = value as Record<string, unknown>;
      if ('$eq' in ops) out[key] = ops.$eq;
      continue;
    }
    if (!(value instanceof RegExp)) out[key] = value;
  }
  return out;
}

export class Database {
  private readonly collections: Map<string, Map<string, Doc>>;
  private readonly uniqueIndexes = new Map<string, UniqueIndexSpec[]>();
  /** Which open transaction has staged a write to each key: a second writer conflicts at once. */
  private readonly writers = new Map<string, string>();
  private readonly transactions = new Map<string, Transaction>();
  private readonly indexes = new Map<string, SortedIndex[]>();
  /** Query shapes already reported as served by no index (each is reported once). */
  private readonly unindexedShapes = new Set<string>();

  /** The empty query, which projects pages mingo projects (built once: compiling a query costs more than a page). */
  private readonly everything: Query;

  private constructor(
    private readonly store: LogStore,
    collections: Map<string, Map<string, Doc>>,
    private readonly log: (line: string) => void,
  ) {
    this.collections = collections;
    this.everything = new Query({}, this.mingoOptions());
  }

  /**
   * Opens (and replays) the data in `dir`, makes sure every declared collection exists and builds
   * its indexes. `log` receives the "no index" advice for queries that scan a collection.
   */
  static open(
    dir: string,
    specs: CollectionSpec[],
    log: (line: string) => void = () => undefined,
  ): { db: Database; notes: string[] } {
    const store = new LogStore(dir);
    const { collections, notes } = store.load();
    const db = new Database(store, collections, log);
    for (const spec of specs) {
      db.uniqueIndexes.set(spec.name, spec.uniqueIndexes);
      if (!collections.has(spec.name)) db.createCollection(spec.name);
      const indexes = spec.indexes.map((index) => new SortedIndex(index));
      for (const index of indexes) index.apply([], [...(collections.get(spec.name)?.values() ?? [])]);
      db.indexes.set(spec.name, indexes);
    }
    for (const [name, specsOfCollection] of db.uniqueIndexes) {
      const docs = collections.get(name);
      if (docs) db.assertUnique(name, specsOfCollection, [...docs.values()], new Set());
    }
    return { db, notes };
  }

  close(): void {
    this.store.close();
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  createCollection(name: string): void {
    if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(name)) {
      throw new DatabaseError('INVALID_PARAM', `Invalid collection name: ${name}`);
    }
    if (this.collections.has(name)) {
      throw new DatabaseError('DATABASE_COLLECTION_ALREADY_EXIST', `Collection already exists: ${name}`);
    }
    this.commit([{ op: 'create', c: name }]);
  }

  private docsOf(c: string): Map<string, Doc> {
    const docs = this.collections.get(c);
    if (!docs) throw new DatabaseError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${c}`);
    return docs;
  }

  private mingoOptions(): Partial<MingoOptions> {
    return {
      idKey: '_id',
      context: CLOUDBASE_OPERATORS,
      jsonSchemaValidator: jsonSchemaValidator as MingoOptions['jsonSchemaValidator'],
      // Reads must never write: mingo's stages (addFields, project, …) change their input in place.
      processingMode: ProcessingMode.CLONE_INPUT,
      collectionResolver: (name: string) =>
        [...(this.collections.get(name)?.values() ?? [])].map((doc) => cloneDoc(doc)) as AnyObject[],
    };
  }

  /**
   * Candidate documents, a superset of the matches: a direct lookup when the query pins `_id`,
   * else the range of the best index, else (with a "no index" note) the whole collection. `sorted`
   * says the candidates already come in the requested order.
   */
  private candidates(
    c: string,
    query: Doc | undefined,
    order?: Record<string, 1 | -1>,
  ): { docs: Iterable<Doc>; sorted: boolean } {
    const docs = this.docsOf(c);
    const id = query?._id;
    if (isIdValue(id)) {
      const doc = docs.get(idKey(id));
      return { docs: doc ? [doc] : [], sorted: true };
    }
    const chosen = plan(this.indexes.get(c) ?? [], query, order);
    if (chosen) {
      const ids = chosen.index.scan(chosen);
      return {
        docs: (function* () {
          for (const key of ids) {
            const doc = docs.get(key);
            if (doc) yield doc;
          }
        })(),
        sorted: chosen.sorted,
      };
    }
    const fields = [...Object.keys(query ?? {}), ...Object.keys(order ?? {}).map((f) => `order ${f}`)];
    const shape = `${c}: ${fields.join(', ')}`;
    if (fields.length > 0 && !this.unindexedShapes.has(shape)) {
      this.unindexedShapes.add(shape);
      this.log(
        `no index serves a query on ${shape}: it scans all ${docs.size} documents (declare an index in the manifest)`,
      );
    }
    return { docs: docs.values(), sorted: false };
  }

  /** The compiled query: directly on the field operators when it only has those, else through mingo. */
  private matcher(query: Doc | undefined): { test(doc: AnyObject): boolean } {
    try {
      const options = this.mingoOptions() as MingoOptions;
      const compiled = compileQuery(query ?? {}, options);
      return compiled ? { test: compiled } : new Query((query ?? {}) as AnyObject, options);
    } catch (error) {
      throw new DatabaseError('INVALID_PARAM', `Invalid query: ${(error as Error).message}`);
    }
  }

  /** The documents a query answers, as stored (shared, not copied): serialize them, never change them. */
  find(c: string, options: FindOptions, txId?: string): Doc[] {
    if (txId) return this.findInTransaction(c, options, txId);
    const { docs, sorted } = this.candidates(c, options.query, options.order);
    // A near query is ordered by distance, which no index here gives.
    if (!sorted || nearCondition(options.query)) return this.runFind(docs, options);
    // Candidates in order: stop at the page, so the work is what the page (and its skip) costs.
    const matcher = this.matcher(options.query);
    const limit = Math.min(options.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
    let skip = options.offset ?? 0;
    const page: Doc[] = [];
    for (const doc of docs) {
      if (page.length >= limit) break;
      if (!this.invalidQuery(() => matcher.test(doc as AnyObject))) continue;
      if (skip > 0) skip--;
      else page.push(doc);
    }
    return this.runFind(page, { projection: options.projection, limit: MAX_LIMIT });
  }

  /** Filters, sorts (in MongoDB's order), pages and projects `docs` as `options` asks. */
  private runFind(docs: Iterable<Doc>, options: FindOptions): Doc[] {
    const limit = Math.min(options.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
    try {
      let found: Doc[] = [];
      if (options.query && Object.keys(options.query).length > 0) {
        const matcher = this.matcher(options.query);
        for (const doc of docs) if (matcher.test(doc as AnyObject)) found.push(doc);
        found = nearestFirst(found, options.query);
      } else found = [...docs];
      if (options.order && Object.keys(options.order).length > 0) found = sortDocs(found, options.order);
      const offset = options.offset ?? 0;
      const page = found.slice(offset, offset + limit);
      const project = topLevelProjection(options.projection);
      if (project) return page.map(project);
      return this.everything.find(page as AnyObject[], options.projection as AnyObject).all() as Doc[];
    } catch (error) {
      if (error instanceof DatabaseError) throw error;
      throw new DatabaseError('INVALID_PARAM', `Invalid query: ${(error as Error).message}`);
    }
  }

  count(c: string, query: Doc | undefined): number {
    const matcher = this.matcher(query);
    return this.invalidQuery(() => {
      let total = 0;
      for (const doc of this.candidates(c, query).docs) if (matcher.test(doc as AnyObject)) total++;
      return total;
    });
  }

  /** Runs `f`; an error mingo raises while evaluating a query becomes INVALID_PARAM, as in find(). */
  private invalidQuery<T>(f: () => T): T {
    try {
      return f();
    } catch (error) {
      if (error instanceof DatabaseError) throw error;
      throw new DatabaseError('INVALID_PARAM', `Invalid query: ${(error as Error).message}`);
    }
  }

  aggregate(c: string, pipeline: Doc[]): Doc[] {
    checkPipeline(pipeline);
    try {
      let docs = [...this.docsOf(c).values()];
      let stages = pipeline;
      // $geoNear must come first (as in MongoDB); it is run here, the rest by mingo.
      if (pipeline[0] && '$geoNear' in pipeline[0]) {
        docs = geoNearStage(docs, pipeline[0].$geoNear, (query, doc) =>
          this.matcher(query).test(doc as AnyObject),
        );
        stages = pipeline.slice(1);
      } else if (pipeline.some((stage) => '$geoNear' in stage)) {
        throw new DatabaseError('INVALID_PARAM', '$geoNear is only valid as the first stage of a pipeline');
      }
      return new Aggregator(stages as AnyObject[], this.mingoOptions()).run(docs as AnyObject[]) as Doc[];
    } catch (error) {
      if (error instanceof DatabaseError) throw error;
      throw new DatabaseError('INVALID_PARAM', `Invalid aggregation: ${(error as Error).message}`);
    }
  }

  insert(c: string, docs: Doc[], txId?: string): (string | number)[] {
    const existing = this.docsOf(c);
    // A number stays a number (`doc(123)` finds it); other given ids are held as strings.
    const ids = docs.map((doc) =>
      doc._id === undefined ? newId() : isIdValue(doc._id) ? doc._id : String(doc._id),
    );
    const puts = docs.map((doc, i) => ({ ...cloneDoc(doc), _id: ids[i] }) as Doc);
    if (txId) {
      const tx = this.transaction(txId);
      puts.forEach((doc) => {
        const key = idKey(doc._id);
        if (this.docInTransaction(tx, c, key)) this.duplicate(c, '_id_', String(doc._id));
        this.stage(tx, c, key, doc);
      });
      return ids;
    }
    const seenIds = new Set<string>();
    for (const id of ids) {
      const key = idKey(id);
      if (existing.has(key) || seenIds.has(key)) this.duplicate(c, '_id_', String(id));
      seenIds.add(key);
    }
    this.commit(puts.map((doc) => ({ op: 'put', c, doc })));
    return ids;
  }

  modify(c: string, options: ModifyOptions, txId?: string, returnDoc = false): ModifyResult {
    const tx = txId ? this.transaction(txId) : undefined;
    const matched = tx
      ? this.findInTransaction(c, { query: options.query, limit: options.multi ? MAX_LIMIT : 1 }, tx.id)
      : this.matching(c, options.query, options.multi);
    const targets = options.multi ? matched : matched.slice(0, 1);

    const puts: Doc[] = [];
    let upsertId: string | number | undefined;
    for (const current of targets) {
      const next = this.applyChange(current, options);
      if (next) puts.push(next);
    }
    if (targets.length === 0 && options.upsert) {
      const base: Doc = options.merge ? equalityFields(options.query ?? {}) : {};
      const id = isIdValue(options.query?._id) ? options.query._id : newId();
      const created = options.merge
        ? (this.applyChange({ ...base, _id: id }, options) ?? { ...base, _id: id })
        : { ...cloneDoc(options.data), _id: id };
      upsertId = id;
      puts.push(created);
    }

    if (tx) {
      for (const doc of puts) this.stage(tx, c, idKey(doc._id), doc);
    } else if (puts.length > 0) {
      this.commit(puts.map((doc) => ({ op: 'put', c, doc })));
    }
    const updated = puts.length - (upsertId ? 1 : 0);
    const result: ModifyResult = { updated };
    if (upsertId) result.upsertId = upsertId;
    if (returnDoc) result.doc = puts[0] ?? targets[0] ?? null;
    return result;
  }

  /** The new version of `current` after the change, or undefined when nothing changes. */
  private applyChange(current: Doc, options: ModifyOptions): Doc | undefined {
    if (!options.merge) {
      // A replacement counts as an update even when it equals the document, as CloudBase reports.
      return { ...cloneDoc(options.data), _id: current._id };
    }
    const modifier = isOperatorDoc(options.data) ? options.data : { $set: options.data };
    if ('_id' in ((modifier.$set as Doc | undefined) ?? {})) {
      throw new DatabaseError('INVALID_PARAM', 'The _id field cannot be updated');
    }
    const next = cloneDoc(current);
    try {
      const changed = applyUpdate(next as AnyObject, modifier as never, undefined, undefined, {
        cloneMode: 'deep',
      });
      return changed.length > 0 ? next : undefined;
    } catch (error) {
      throw new DatabaseError('DATABASE_REQUEST_FAILED', `Invalid update: ${(error as Error).message}`);
    }
  }

  remove(c: string, query: Doc | undefined, multi: boolean, txId?: string): number {
    if (txId) {
      const tx = this.transaction(txId);
      const targets = this.findInTransaction(c, { query, limit: MAX_LIMIT }, txId);
      const chosen = multi ? targets : targets.slice(0, 1);
      for (const doc of chosen) this.stage(tx, c, idKey(doc._id), null);
      return chosen.length;
    }
    const targets = this.matching(c, query, multi);
    if (targets.length > 0) this.commit(targets.map((doc) => ({ op: 'del', c, id: idKey(doc._id) })));
    return targets.length;
  }

  private matching(c: string, query: Doc | undefined, multi: boolean): Doc[] {
    const matcher = this.matcher(query);
    const out: Doc[] = [];
    for (const doc of this.candidates(c, query).docs) {
      if (this.invalidQuery(() => matcher.test(doc as AnyObject))) {
        out.push(doc);
        if (!multi) break;
      }
    }
    return out;
  }

  // ---- transactions -------------------------------------------------------------------------
  //
  // As in CloudBase (MongoDB underneath): a transaction reads from a snapshot taken at its start;
  // a write to a document another open transaction has written, or that someone changed since the
  // snapshot, fails at once with DATABASE_TRANSACTION_CONFLICT and ends the transaction (so
  // runTransaction's retry starts clean). Staged writes become durable together at commit.

  startTransaction(): string {
    this.expireTransactions();
    const id = newId();
    this.transactions.set(id, {
      id,
      writes: new Map(),
      before: new Map(),
      read: new Set(),
      expires: Date.now() + TRANSACTION_TTL_MS,
    });
    return id;
  }

  commitTransaction(txId: string): void {
    const tx = this.transaction(txId);
    this.endTransaction(tx);
    for (const key of tx.read) {
      const [c, id] = splitKey(key);
      if (tx.before.get(c)?.has(id)) this.conflict();
    }
    const ops: LogOp[] = [];
    for (const [c, docs] of tx.writes) {
      for (const [id, doc] of docs) ops.push(doc ? { op: 'put', c, doc } : { op: 'del', c, id });
    }
    if (ops.length > 0) this.commit(ops);
  }

  abortTransaction(txId: string): void {
    this.endTransaction(this.transaction(txId));
  }

  private transaction(txId: string): Transaction {
    this.expireTransactions();
    const tx = this.transactions.get(txId);
    if (!tx) throw new DatabaseError('DATABASE_TRANSACTION_FAIL', TRANSACTION_NOT_EXIST);
    return tx;
  }

  private endTransaction(tx: Transaction): void {
    this.transactions.delete(tx.id);
    for (const [c, docs] of tx.writes) {
      for (const id of docs.keys())
        if (this.writers.get(keyOf(c, id)) === tx.id) this.writers.delete(keyOf(c, id));
    }
  }

  private conflict(): never {
    throw new DatabaseError('DATABASE_TRANSACTION_CONFLICT', TRANSACTION_CONFLICT);
  }

  private expireTransactions(): void {
    const now = Date.now();
    for (const tx of [...this.transactions.values()]) if (tx.expires < now) this.endTransaction(tx);
  }

  /** The document as the transaction sees it: its own write, else the snapshot. */
  private docInTransaction(tx: Transaction, c: string, id: string): Doc | null {
    const staged = tx.writes.get(c);
    if (staged?.has(id)) return staged.get(id) ?? null;
    const before = tx.before.get(c);
    if (before?.has(id)) return before.get(id) ?? null;
    return this.docsOf(c).get(id) ?? null;
  }

  private stage(tx: Transaction, c: string, id: string, doc: Doc | null): void {
    const key = keyOf(c, id);
    const writer = this.writers.get(key);
    if ((writer !== undefined && writer !== tx.id) || tx.before.get(c)?.has(id)) {
      this.endTransaction(tx);
      this.conflict();
    }
    this.writers.set(key, tx.id);
    const staged = tx.writes.get(c) ?? new Map<string, Doc | null>();
    staged.set(id, doc);
    tx.writes.set(c, staged);
  }

  /** A query inside a transaction, over the collection as the transaction sees it. */
  private findInTransaction(c: string, options: FindOptions, txId: string): Doc[] {
    const tx = this.transaction(txId);
    const id = options.query?._id;
    let view: Doc[];
    if (isIdValue(id)) {
      const doc = this.docInTransaction(tx, c, idKey(id));
      view = doc ? [doc] : [];
    } else {
      const ids = new Set([
        ...this.docsOf(c).keys(),
        ...(tx.before.get(c)?.keys() ?? []),
        ...(tx.writes.get(c)?.keys() ?? []),
      ]);
      view = [];
      for (const each of ids) {
        const doc = this.docInTransaction(tx, c, each);
        if (doc) view.push(doc);
      }
    }
    const found = this.runFind(view, options);
    for (const doc of found) tx.read.add(keyOf(c, idKey(doc._id)));
    return found.map((doc) => cloneDoc(doc));
  }

  // ---- commits and unique indexes ------------------------------------------------------------

  private duplicate(c: string, index: string, key: string): never {
    throw new DatabaseError(
      'DATABASE_DUPLICATE_WRITE',
      `[DuplicateWrite] E11000 duplicate key error collection: ${c} index: ${index} dup key: ${key}`,
    );
  }

  /** Checks that `puts` (replacing docs with the same ids, and after `removed`) keep every unique index unique. */
  private assertUnique(c: string, indexes: UniqueIndexSpec[], puts: Doc[], removed: Set<string>): void {
    if (indexes.length === 0) return;
    const touched = new Set([...puts.map((doc) => idKey(doc._id)), ...removed]);
    const docs = this.collections.get(c) ?? new Map<string, Doc>();
    for (const index of indexes) {
      const taken = new Map<string, string>();
      for (const [id, doc] of docs) if (!touched.has(id)) taken.set(indexKey(doc, index.fields), id);
      for (const doc of puts) {
        const key = indexKey(doc, index.fields);
        const owner = taken.get(key);
        if (owner !== undefined && owner !== idKey(doc._id)) this.duplicate(c, index.name, key);
        taken.set(key, idKey(doc._id));
      }
    }
  }

  /** Validates, persists (durably) and applies one atomic set of operations. */
  private commit(ops: LogOp[]): void {
    const byCollection = new Map<string, { puts: Doc[]; removed: Set<string> }>();
    for (const op of ops) {
      if (op.op === 'create') continue;
      const entry = byCollection.get(op.c) ?? { puts: [], removed: new Set<string>() };
      if (op.op === 'put') entry.puts.push(op.doc);
      else entry.removed.add(op.id);
      byCollection.set(op.c, entry);
    }
    for (const [c, { puts, removed }] of byCollection) {
      this.docsOf(c);
      this.assertUnique(c, this.uniqueIndexes.get(c) ?? [], puts, removed);
    }
    this.store.commit(ops);
    this.keepSnapshots(ops);
    const changes = this.indexChanges(ops);
    applyOps(this.collections, ops);
    for (const [c, { removed, added }] of changes) {
      for (const index of this.indexes.get(c) ?? []) index.apply(removed, added);
    }
    this.store.compactIfDue(this.collections);
  }

  /** What `ops` take out of and put into each indexed collection (before they apply). */
  private indexChanges(ops: LogOp[]): Map<string, { removed: Doc[]; added: Doc[] }> {
    const changes = new Map<string, { removed: Doc[]; added: Doc[] }>();
    for (const op of ops) {
      if (op.op === 'create' || !this.indexes.get(op.c)?.length) continue;
      const change = changes.get(op.c) ?? { removed: [], added: [] };
      const previous = this.collections.get(op.c)?.get(op.op === 'put' ? idKey(op.doc._id) : op.id);
      if (previous) change.removed.push(previous);
      if (op.op === 'put') change.added.push(op.doc);
      changes.set(op.c, change);
    }
    return changes;
  }

  /** Before `ops` apply, every open transaction keeps what it must still see of the documents they change. */
  private keepSnapshots(ops: LogOp[]): void {
    if (this.transactions.size === 0) return;
    for (const op of ops) {
      if (op.op === 'create') continue;
      const id = op.op === 'put' ? idKey(op.doc._id) : op.id;
      const current = this.collections.get(op.c)?.get(id) ?? null;
      for (const tx of this.transactions.values()) {
        const before = tx.before.get(op.c) ?? new Map<string, Doc | null>();
        if (!before.has(id)) before.set(id, current);
        tx.before.set(op.c, before);
      }
    }
  }
}
