/**
 * Seeding: inserts each document whose `_id` is not in its collection yet; never overwrites or
 * deletes, so running it again (or alongside another seeder) changes nothing. Used by `npm start`,
 * by the page tests' global setup and by the function tests (test/harness/seed.ts).
 */
import type tcb from '@cloudbase/node-sdk';
import { SEED, type SeedData } from '../cloudbase/seed';
import { isDuplicateKeyError } from '../cloudfunctions/_shared/cloud';

type CloudApp = ReturnType<typeof tcb.init>;

/** Documents to seed, keyed by collection name (the seed content's shape, any subset of it). */
export type SeedInput = Partial<SeedData>;

/** Per collection: how many documents were inserted and how many were already there. */
export type SeedReport = Record<string, { inserted: number; present: number }>;

/** How many `_id`s one existence query asks about. */
const IDS_PER_QUERY = 100;

async function existingIds(app: CloudApp, collection: string, ids: string[]): Promise<Set<string>> {
  const db = app.database();
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const chunk = ids.slice(i, i + IDS_PER_QUERY);
    const { data } = await db
      .collection(collection)
      .where({ _id: db.command.in(chunk) })
      .field({ _id: true })
      .limit(chunk.length)
      .get();
    for (const doc of data as { _id: string }[]) found.add(doc._id);
  }
  return found;
}

export async function seedDatabase(app: CloudApp, data: SeedInput = SEED): Promise<SeedReport> {
  const report: SeedReport = {};
  for (const [collection, docs] of Object.entries(data) as [string, readonly { _id: string }[]][]) {
    const present = await existingIds(
      app,
      collection,
      docs.map((doc) => doc._id),
    );
    const counts = { inserted: 0, present: present.size };
    for (const doc of docs) {
      if (present.has(doc._id)) continue;
      try {
        await app.database().collection(collection).add(doc);
        counts.inserted += 1;
      } catch (error) {
        // Another seeder got there first: the document is present, which is all seeding promises.
        if (!isDuplicateKeyError(error)) throw error;
        counts.present += 1;
      }
    }
    report[collection] = counts;
  }
  return report;
}
