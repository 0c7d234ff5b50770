/** What the security tests compare before and after an attack: every collection, stored file and the outbox. */
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../../../contract/constants';
import { ROOT, type TestCloud } from '../../harness/local-cloud';
import { outbox } from '../admin/support';

/** Every collection the app names or the manifest declares. */
export function collectionNames(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbase/manifest.json'), 'utf8')) as {
    collections: { name: string }[];
  };
  return [...new Set([...Object.values(COLLECTIONS), ...manifest.collections.map((c) => c.name)])].sort();
}

/** Every document of every collection (a collection never created reads as empty). */
export async function allDocuments(t: TestCloud): Promise<Record<string, unknown[]>> {
  const db = t.app.database();
  const out: Record<string, unknown[]> = {};
  for (const name of collectionNames()) {
    try {
      const { data } = await db.collection(name).orderBy('_id', 'asc').limit(1000).get();
      out[name] = data as unknown[];
    } catch (error) {
      if (!/not exist/i.test(String((error as Error).message))) throw error;
      out[name] = [];
    }
  }
  return out;
}

/** Every stored file (path relative to the bucket) with its bytes, read from the local cloud's folder. */
export function allFiles(t: TestCloud): Record<string, Buffer> {
  const root = path.join(t.dataDir, 'storage');
  const out: Record<string, Buffer> = {};
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full);
    }
  };
  walk(root);
  return out;
}

export interface World {
  documents: Record<string, unknown[]>;
  files: Record<string, Buffer>;
  outbox: number;
}

/** The database, storage and outbox as they are now. */
export async function world(t: TestCloud): Promise<World> {
  return { documents: await allDocuments(t), files: allFiles(t), outbox: (await outbox(t)).length };
}
