/**
 * The local cloud's own database at 100,000 documents in one collection, driven by the real
 * `@cloudbase/node-sdk` (CONTRACTS.md `localDb`): an equality plus a range on fields a manifest
 * index covers, sorted by the index, 20 a page, several pages deep by cursor, beside the very same
 * query on twin fields no index covers. Also what the collection costs in memory.
 *
 *   tsx bench/local-db.ts [--rounds N]
 */
import { localSdk } from '../tools/local-sdk';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud } from '@cdr/local-cloud';
import { round, shuffled, summarize, summarizeTrials, time, type Summary } from './stats';

/** CONTRACTS.md: at least 100,000 documents in one collection. */
export const LOCAL_DB_DOCS = 100_000;
const COLLECTION = 'bench_docs';
const CATEGORIES = 10;
const PAGE_SIZE = 20;
/** Pages deep the cursor is when a page is read: the indexed figure must not depend on it. */
const PAGE_DEPTHS = [0, 10, 100, 400];
const INSERT_BATCH = 1000;
/** Samples per page depth; the scan is slow, so it gets fewer. */
const DEFAULT_ROUNDS = 40;
const SCAN_ROUNDS_DIVISOR = 4;
/** Rounds are split into trials and the p95 is the median trial's, as in bench/functions.ts: one burst of load from elsewhere on the machine spoils one trial only. */
const TRIALS = 5;

export interface LocalDbResult {
  latest: { docs: number; indexedQueryP95Ms: number; unindexedScanP95Ms: number };
  details: {
    docs: number;
    pageSize: number;
    pageDepths: number[];
    insertSeconds: number;
    /** Heap growth while the documents were loaded (the database, its index and the log's buffers). */
    heapBytesForDocs: number;
    dataBytesOnDisk: number;
    indexed: QuerySummary;
    unindexed: QuerySummary;
    noIndexAdvice: string[];
  };
}

interface QuerySummary {
  overall: Summary;
  byDepth: Record<string, Summary>;
  /**
   * The process's CPU time per query (the SDK client and the local cloud run in it, so both sides
   * of the query): what a query costs whatever else the machine runs, where wall-clock p95s of
   * short queries stretch under load.
   */
  cpu: Summary;
}

const MANIFEST = {
  collections: [
    {
      name: COLLECTION,
      description: 'The localDb benchmark: category and score are indexed, cat and points are not.',
      rules: { read: false, write: false },
      indexes: [
        {
          name: 'category_score',
          keys: [
            { field: 'category', direction: 1 },
            { field: 'score', direction: 1 },
          ],
        },
      ],
    },
  ],
};

/** Document i: its category and a unique score, copied into the unindexed twins. */
function benchDoc(i: number): Record<string, unknown> {
  const category = `c${i % CATEGORIES}`;
  // A permutation of 0..n-1, so scores do not follow insertion order.
  const score = (i * 7919) % LOCAL_DB_DOCS;
  return { category, score, cat: category, points: score, title: `Item ${i}`, body: 'x'.repeat(120) };
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    total += entry.isDirectory() ? directoryBytes(file) : fs.statSync(file).size;
  }
  return total;
}

export async function benchLocalDb(
  options: { rounds?: number; log?: (line: string) => void } = {},
): Promise<LocalDbResult> {
  const rounds = options.rounds ?? DEFAULT_ROUNDS;
  const say = options.log ?? (() => undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-local-db-'));
  const manifestPath = path.join(dir, 'manifest.json');
  const functionsDir = path.join(dir, 'functions');
  fs.writeFileSync(manifestPath, JSON.stringify(MANIFEST));
  fs.mkdirSync(functionsDir);
  // The SDK would otherwise probe a cloud metadata host before every request.
  process.env.TENCENTCLOUD = 'true';
  const advice: string[] = [];
  const heapBefore = heapUsed();
  const cloud = await startLocalCloud({
    port: 0,
    dataDir: path.join(dir, 'data'),
    functionsDir,
    manifestPath,
    log: (line) => {
      if (line.includes('no index')) advice.push(line);
    },
  });
  try {
    const app = localSdk(cloud.serviceUrl);
    const db = app.database();
    const _ = db.command;
    const docs = db.collection(COLLECTION);

    say(`localDb: inserting ${LOCAL_DB_DOCS} documents`);
    const insertStarted = performance.now();
    for (let start = 0; start < LOCAL_DB_DOCS; start += INSERT_BATCH) {
      const batch = Array.from({ length: Math.min(INSERT_BATCH, LOCAL_DB_DOCS - start) }, (_u, i) =>
        benchDoc(start + i),
      );
      await docs.add(batch);
    }
    const insertSeconds = (performance.now() - insertStarted) / 1000;
    const heapBytesForDocs = heapUsed() - heapBefore;
    const total = (await docs.count()).total;
    if (total !== LOCAL_DB_DOCS) throw new Error(`localDb: ${total} documents stored, not ${LOCAL_DB_DOCS}`);

    // The cursor (last score of the previous page) at each depth, for category c3.
    const category = 'c3';
    const scores = Array.from({ length: LOCAL_DB_DOCS }, (_u, i) => benchDoc(i))
      .filter((doc) => doc.category === category)
      .map((doc) => doc.score as number)
      .sort((a, b) => a - b);
    const cursorAt = (depth: number): number =>
      depth === 0 ? -1 : (scores[depth * PAGE_SIZE - 1] as number);

    const page = async (indexed: boolean, depth: number): Promise<void> => {
      const [categoryField, scoreField] = indexed ? ['category', 'score'] : ['cat', 'points'];
      const res = await docs
        .where({ [categoryField]: category, [scoreField]: _.gt(cursorAt(depth)) })
        .orderBy(scoreField, 'asc')
        .limit(PAGE_SIZE)
        .get();
      const first = (res.data[0] as Record<string, unknown> | undefined)?.[scoreField];
      if (res.data.length !== PAGE_SIZE || first !== scores[depth * PAGE_SIZE]) {
        throw new Error(`localDb: page ${depth} (${indexed ? 'indexed' : 'unindexed'}) is wrong`);
      }
    };

    const samples = { indexed: new Map<number, number[]>(), unindexed: new Map<number, number[]>() };
    const cpu = { indexed: [] as number[], unindexed: [] as number[] };
    const trials = { indexed: [] as number[][], unindexed: [] as number[][] };
    for (const depth of PAGE_DEPTHS) {
      samples.indexed.set(depth, []);
      samples.unindexed.set(depth, []);
    }
    for (const depth of PAGE_DEPTHS) {
      await page(true, depth);
      await page(false, depth);
    }
    say(
      `localDb: ${rounds} indexed and ${Math.ceil(rounds / SCAN_ROUNDS_DIVISOR)} unindexed pages per depth`,
    );
    for (let r = 0; r < rounds; r++) {
      const runs = PAGE_DEPTHS.flatMap((depth) => [
        { indexed: true, depth },
        ...(r % SCAN_ROUNDS_DIVISOR === 0 ? [{ indexed: false, depth }] : []),
      ]);
      const trial = Math.floor((r * TRIALS) / rounds);
      for (const run of shuffled(runs)) {
        const cpuBefore = process.cpuUsage();
        const ms = await time(() => page(run.indexed, run.depth));
        const used = process.cpuUsage(cpuBefore);
        (run.indexed ? cpu.indexed : cpu.unindexed).push((used.user + used.system) / 1000);
        (run.indexed ? samples.indexed : samples.unindexed).get(run.depth)?.push(ms);
        const kind = run.indexed ? trials.indexed : trials.unindexed;
        (kind[trial] ??= []).push(ms);
      }
    }
    const summaries = (
      byDepth: Map<number, number[]>,
      byTrial: number[][],
      cpuMs: number[],
    ): QuerySummary => ({
      overall: summarizeTrials(byTrial.filter((trial) => trial.length > 0)),
      byDepth: Object.fromEntries([...byDepth].map(([depth, values]) => [`page${depth}`, summarize(values)])),
      cpu: summarize(cpuMs),
    });
    const indexed = summaries(samples.indexed, trials.indexed, cpu.indexed);
    const unindexed = summaries(samples.unindexed, trials.unindexed, cpu.unindexed);
    return {
      latest: {
        docs: total,
        indexedQueryP95Ms: indexed.overall.p95Ms,
        unindexedScanP95Ms: unindexed.overall.p95Ms,
      },
      details: {
        docs: total,
        pageSize: PAGE_SIZE,
        pageDepths: PAGE_DEPTHS,
        insertSeconds: round(insertSeconds, 1),
        heapBytesForDocs,
        dataBytesOnDisk: directoryBytes(path.join(dir, 'data')),
        indexed,
        unindexed,
        noIndexAdvice: advice,
      },
    };
  } finally {
    await cloud.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const at = process.argv.indexOf('--rounds');
  const rounds = at >= 0 ? Number(process.argv[at + 1]) : DEFAULT_ROUNDS;
  benchLocalDb({ rounds, log: (line) => console.log(`bench: ${line}`) })
    .then((result) => {
      const byDepth = (d: QuerySummary) =>
        Object.entries(d.byDepth)
          .map(([depth, s]) => `${depth} ${s.p95Ms} ms`)
          .join(', ');
      console.log(JSON.stringify(result.latest));
      console.log(`indexed p95 by depth: ${byDepth(result.details.indexed)}`);
      console.log(`unindexed p95 by depth: ${byDepth(result.details.unindexed)}`);
      const cpuOf = (d: QuerySummary) => `${d.cpu.p50Ms} / ${d.cpu.p95Ms} ms`;
      console.log(
        `CPU per query p50 / p95: indexed ${cpuOf(result.details.indexed)}, unindexed ${cpuOf(result.details.unindexed)}`,
      );
      console.log(
        `insert ${result.details.insertSeconds} s, heap +${(result.details.heapBytesForDocs / 1e6).toFixed(0)} MB, disk ${(result.details.dataBytesOnDisk / 1e6).toFixed(0)} MB`,
      );
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
