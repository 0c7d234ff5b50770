import { z } from 'zod';
import { DatabaseError, type Database } from './database';
import { parseWire, stringifyDoc, type Doc } from './ejson';

/**
 * The `database.*` actions of the CloudBase server API, with the request and response shapes
 * `@cloudbase/node-sdk` (through `@cloudbase/database`) sends and parses.
 */

const ejsonString = z.string();
const collection = z.object({ collectionName: z.string().min(1), transactionId: z.string().optional() });

const schemas = {
  'database.addCollection': z.object({ collectionName: z.string().min(1) }),
  'database.insertDocument': collection.extend({ data: z.array(ejsonString).min(1) }),
  'database.getDocument': collection.extend({
    query: ejsonString.optional(),
    order: ejsonString.optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).optional(),
    projection: ejsonString.optional(),
  }),
  'database.calculateDocument': collection.extend({ query: ejsonString.optional() }),
  'database.modifyDocument': collection.extend({
    query: ejsonString.optional(),
    data: ejsonString,
    multi: z.boolean().optional(),
    merge: z.boolean().optional(),
    upsert: z.boolean().optional(),
  }),
  'database.modifyAndReturnDoc': collection.extend({ query: ejsonString.optional(), data: ejsonString }),
  'database.removeDocument': collection.extend({
    query: ejsonString.optional(),
    multi: z.boolean().optional(),
  }),
  'database.aggregateDocuments': z.object({
    collectionName: z.string().min(1),
    stages: z.array(z.object({ stageKey: z.string().startsWith('$'), stageValue: z.string() })),
  }),
  'database.startTransaction': z.object({}),
  'database.commitTransaction': z.object({ transactionId: z.string().min(1) }),
  'database.abortTransaction': z.object({ transactionId: z.string().min(1) }),
} as const;

type ActionName = keyof typeof schemas;

export function isDatabaseAction(action: string): action is ActionName {
  return Object.prototype.hasOwnProperty.call(schemas, action);
}

function parseObject(text: string | undefined, what: string, now: Date): Doc | undefined {
  if (text === undefined || text === '') return undefined;
  let value: unknown;
  try {
    value = parseWire(text, now);
  } catch (error) {
    throw new DatabaseError(
      'INVALID_PARAM',
      `${what} is not valid Extended JSON: ${(error as Error).message}`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DatabaseError('INVALID_PARAM', `${what} must be an object`);
  }
  return value as Doc;
}

function parseOrder(text: string | undefined, now: Date): Record<string, 1 | -1> | undefined {
  const order = parseObject(text, 'order', now);
  if (!order) return undefined;
  const out: Record<string, 1 | -1> = {};
  for (const [field, direction] of Object.entries(order)) {
    if (direction !== 1 && direction !== -1)
      throw new DatabaseError('INVALID_PARAM', `Invalid order for ${field}`);
    out[field] = direction;
  }
  return out;
}

/** The union of all actions' parameters, after validation by the action's schema. */
interface WireParams {
  collectionName: string;
  transactionId?: string;
  query?: string;
  order?: string;
  offset?: number;
  limit?: number;
  projection?: string;
  data?: string | string[];
  multi?: boolean;
  merge?: boolean;
  upsert?: boolean;
  stages?: { stageKey: string; stageValue: string }[];
}

/** Runs one database action; answers the body the SDK expects (without `requestId`). */
export function runDatabaseAction(
  db: Database,
  action: ActionName,
  params: unknown,
): Record<string, unknown> {
  const parsed = schemas[action].safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DatabaseError(
      'INVALID_PARAM',
      `Invalid request param ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    );
  }
  const p = parsed.data as WireParams;
  const now = new Date();
  const c = p.collectionName;
  const tx = p.transactionId;

  switch (action) {
    case 'database.addCollection':
      db.createCollection(c);
      return { data: {} };
    case 'database.insertDocument': {
      const docs = (p.data as string[]).map((text) => parseObject(text, 'data', now) as Doc);
      return { data: { insertedIds: db.insert(c, docs, tx) } };
    }
    case 'database.getDocument': {
      const list = db.find(
        c,
        {
          query: parseObject(p.query, 'query', now),
          order: parseOrder(p.order, now),
          offset: p.offset,
          limit: p.limit,
          projection: parseObject(p.projection, 'projection', now),
        },
        tx,
      );
      return { data: { list: list.map(stringifyDoc), offset: p.offset ?? 0, limit: p.limit ?? list.length } };
    }
    case 'database.calculateDocument':
      return { data: { total: db.count(c, parseObject(p.query, 'query', now)) } };
    case 'database.modifyDocument': {
      const result = db.modify(
        c,
        {
          query: parseObject(p.query, 'query', now),
          data: parseObject(p.data as string, 'data', now) as Doc,
          multi: p.multi ?? false,
          merge: p.merge ?? true,
          upsert: p.upsert ?? false,
        },
        tx,
      );
      return { data: { updated: result.updated, upsert_id: result.upsertId } };
    }
    case 'database.modifyAndReturnDoc': {
      const result = db.modify(
        c,
        {
          query: parseObject(p.query, 'query', now),
          data: parseObject(p.data as string, 'data', now) as Doc,
          multi: false,
          merge: true,
          upsert: false,
        },
        tx,
        true,
      );
      return { data: { updated: result.updated, doc: result.doc ? stringifyDoc(result.doc) : null } };
    }
    case 'database.removeDocument':
      return { data: { deleted: db.remove(c, parseObject(p.query, 'query', now), p.multi ?? false, tx) } };
    case 'database.aggregateDocuments': {
      const stages = (p.stages as { stageKey: string; stageValue: string }[]).map(
        ({ stageKey, stageValue }) => {
          let value: unknown;
          try {
            value = parseWire(stageValue, now);
          } catch (error) {
            throw new DatabaseError(
              'INVALID_PARAM',
              `Invalid ${stageKey} stage: ${(error as Error).message}`,
            );
          }
          return { [stageKey]: value } as Doc;
        },
      );
      return { data: { list: db.aggregate(c, stages).map(stringifyDoc) } };
    }
    case 'database.startTransaction':
      return { transactionId: db.startTransaction() };
    case 'database.commitTransaction':
      db.commitTransaction(tx as string);
      return { data: {} };
    case 'database.abortTransaction':
      db.abortTransaction(tx as string);
      return { data: {} };
  }
}
