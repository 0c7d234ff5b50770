import type { Transaction } from '@cloudbase/database/dist/commonjs/transaction/index';
import { createApp } from '../cloud';

/** One CloudBase app per instance (module scope), shared by every repository of the function it is bundled into. */
export const app = createApp();
export const db = app.database();
export const _ = db.command;
export const $ = db.command.aggregate;

export type { Transaction };

/** Single-document transactions retry on a write conflict this many times. */
export const TRANSACTION_ATTEMPTS = 5;
/** The most documents one `get()` returns. */
export const MAX_PAGE = 1000;

/** Runs `work` in a transaction: every write in it, the audit entry included, happens or none does. */
export function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.runTransaction(work, TRANSACTION_ATTEMPTS) as Promise<T>;
}

/** The document read inside a transaction (`null` when missing). */
export async function readIn<T>(tx: Transaction, collection: string, id: string): Promise<T | null> {
  const { data } = (await tx.collection(collection).doc(id).get()) as { data: T | T[] | null };
  if (Array.isArray(data)) return (data[0] as T | undefined) ?? null;
  return data ?? null;
}

/** One document by `_id` outside a transaction, or null. */
export async function readOne<T>(collection: string, id: string): Promise<T | null> {
  const { data } = await db.collection(collection).where({ _id: id }).limit(1).get();
  return ((data as T[])[0] as T | undefined) ?? null;
}
