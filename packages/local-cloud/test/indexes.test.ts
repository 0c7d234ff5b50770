import fs from 'node:fs';
import type { TestCloud } from './helpers';
import { ids, startFixtureCloud, type Doc } from './helpers';

/**
 * Queries served by a manifest index (`scores`: category ascending, score descending) answer
 * exactly what a scan answers: the same query on the unindexed twins `cat` and `points` is the
 * reference. Unindexed queries still work and are reported once as served by no index.
 */

let t: TestCloud;
let db: ReturnType<TestCloud['app']['database']>;
let _: ReturnType<TestCloud['app']['database']>['command'];
const logLines: string[] = [];

const CATEGORIES = ['a', 'b', 'c'];
const DOCS = 240;

/** Scores of mixed types and ties, as real data has: numbers, some equal, some null or missing. */
function scoreOf(i: number): unknown {
  if (i % 41 === 0) return null;
  if (i % 37 === 0) return undefined;
  return Math.floor((i * 7919) % 97);
}

/** Tags as real data has them: missing, empty, a plain value, arrays (with a repeated element). */
function tagsOf(i: number): unknown {
  if (i % 7 === 0) return ['z'];
  return [undefined, [], 'x', ['x', 'y'], ['y', 'z', 'y']][i % 5];
}

function seedDoc(i: number): Doc {
  const category = CATEGORIES[i % CATEGORIES.length];
  const score = scoreOf(i);
  const doc: Doc = { _id: `s${String(i).padStart(4, '0')}`, category, cat: category };
  if (score !== undefined) {
    doc.score = score;
    doc.points = score;
  }
  const tags = tagsOf(i);
  if (tags !== undefined) {
    doc.tags = tags;
    doc.labels = tags;
  }
  return doc;
}

beforeAll(async () => {
  t = await startFixtureCloud({ log: (line) => logLines.push(line) });
  db = t.app.database();
  _ = db.command;
  const docs = Array.from({ length: DOCS }, (_u, i) => seedDoc(i));
  await db.collection('scores').add(docs);
});

/** Set once the cloud was restarted on its own data directory, which its close() then keeps. */
let removeDataDir: string | undefined;

afterAll(async () => {
  await t.close();
  if (removeDataDir) fs.rmSync(removeDataDir, { recursive: true, force: true });
});

const scores = () => db.collection('scores');

/** The same query twice: on the indexed fields, and renamed onto the unindexed twins. */
async function bothWays(
  where: (category: string, score: string) => Doc,
  order: [string, 'asc' | 'desc'][],
  page: { skip?: number; limit?: number } = {},
): Promise<{ indexed: string[]; scanned: string[] }> {
  const run = async (category: string, score: string) => {
    let query = scores().where(where(category, score));
    for (const [field, dir] of order) {
      query = query.orderBy(field === 'score' ? score : field === 'category' ? category : field, dir);
    }
    // Ties broken by _id in the score's direction, as the index (category, score desc, _id desc) does.
    query = query.orderBy('_id', order[0]?.[1] ?? 'asc');
    if (page.skip) query = query.skip(page.skip);
    return ids((await query.limit(page.limit ?? 1000).get()).data as Doc[]);
  };
  return { indexed: await run('category', 'score'), scanned: await run('cat', 'points') };
}

describe('a query served by an index answers what a scan answers', () => {
  it.each([
    ['equality and a range, sorted by the index', (c: string, s: string) => ({ [c]: 'b', [s]: _.gt(40) })],
    ['equality and a closed range', (c: string, s: string) => ({ [c]: 'a', [s]: _.gte(10).and(_.lte(60)) })],
    ['equality only', (c: string) => ({ [c]: 'c' })],
    ['a range only', (c: string, s: string) => ({ [s]: _.lt(20) })],
    ['equality and an equal score', (c: string, s: string) => ({ [c]: 'a', [s]: 5 })],
    [
      'a cursor bound beside a filter bound (the tighter one narrows)',
      (c: string, s: string) =>
        _.and([
          { [c]: 'a', [s]: _.lte(90) },
          { [s]: _.lt(40) },
          { [s]: _.gte(5) },
          { [s]: _.gt(5) },
        ]) as unknown as Doc,
    ],
    ['equality and null (missing too)', (c: string, s: string) => ({ [c]: 'b', [s]: null })],
  ])('%s', async (_name, where) => {
    for (const dir of ['asc', 'desc'] as const) {
      const { indexed, scanned } = await bothWays(where, [['score', dir]]);
      expect(indexed).toEqual(scanned);
    }
  });

  it('pages deep by skip and by cursor the same way', async () => {
    const where = (c: string, s: string) => ({ [c]: 'a', [s]: _.gte(0) });
    for (const skip of [0, 20, 60]) {
      const { indexed, scanned } = await bothWays(where, [['score', 'desc']], { skip, limit: 20 });
      expect(indexed).toEqual(scanned);
    }
  });

  it('count() and where().update() use the same candidates', async () => {
    const indexed = await scores()
      .where({ category: 'c', score: _.gt(50) })
      .count();
    const scanned = await scores()
      .where({ cat: 'c', points: _.gt(50) })
      .count();
    expect(indexed.total).toBe(scanned.total);
    expect(indexed.total).toBeGreaterThan(0);
  });
});

describe('indexes follow every write', () => {
  it('after updates, removals, replacements and inserts the index still answers what a scan answers', async () => {
    await scores()
      .where({ category: 'a', score: _.lt(30) })
      .update({ score: 99, points: 99 });
    await scores()
      .where({ category: 'b', score: _.gt(80) })
      .remove();
    await scores().doc('s0003').set({ category: 'a', cat: 'a', score: 1, points: 1 });
    await scores().add({ _id: 'late', category: 'b', cat: 'b', score: 50, points: 50 });
    for (const category of CATEGORIES) {
      const { indexed, scanned } = await bothWays(
        (c, s) => ({ [c]: category, [s]: _.gte(0) }),
        [['score', 'desc']],
      );
      expect(indexed).toEqual(scanned);
    }
  });

  it('an array in an indexed field (multikey) still gives the right answer', async () => {
    await scores().add({ _id: 'multi', category: 'b', cat: 'b', score: [1, 70], points: [1, 70] });
    const { indexed, scanned } = await bothWays((c, s) => ({ [c]: 'b', [s]: _.gt(60) }), [['score', 'desc']]);
    expect(indexed).toContain('multi');
    expect(indexed).toEqual(scanned);
    await scores().doc('multi').remove();
  });
});

describe('a multikey index (tags holds arrays)', () => {
  /** The same query on the indexed `tags` and on its unindexed twin `labels`, by score then _id, descending. */
  async function twins(where: (tags: string) => Doc): Promise<{ indexed: string[]; scanned: string[] }> {
    const run = async (tags: string, score: string) =>
      ids(
        (await scores().where(where(tags)).orderBy(score, 'desc').orderBy('_id', 'desc').limit(1000).get())
          .data as Doc[],
      );
    return { indexed: await run('tags', 'score'), scanned: await run('labels', 'points') };
  }

  const adviceOnTags = () =>
    logLines.filter((line) => line.includes('no index') && line.includes('scores: tags'));

  it.each([
    ['equality on an element', (tags: string) => ({ [tags]: 'y' })],
    ['equality on a plain value or an element', (tags: string) => ({ [tags]: 'x' })],
    ['$in on elements', (tags: string) => ({ [tags]: _.in(['x', 'z']) })],
    ['$in on elements of one array', (tags: string) => ({ [tags]: _.in(['y', 'z']) })],
    ['$in and a range on the next field', (tags: string) => ({ [tags]: _.in(['x', 'y']), score: _.gt(20) })],
  ])('%s is served by the index, each document once, as a scan answers it', async (_name, where) => {
    logLines.length = 0;
    const { indexed, scanned } = await twins(where);
    expect(indexed.length).toBeGreaterThan(0);
    expect(indexed).toEqual(scanned);
    expect(new Set(indexed).size).toBe(indexed.length);
    expect(adviceOnTags()).toEqual([]);
  });

  it('a range with two sides finds a document whose elements each meet one side', async () => {
    await scores().add({ _id: 'spread', category: 'a', cat: 'a', score: [3, 95], points: [3, 95] });
    const { indexed, scanned } = await bothWays(
      (c, s) => ({ [c]: 'a', [s]: _.gt(40).and(_.lt(50)) }),
      [['score', 'desc']],
    );
    expect(indexed).toContain('spread');
    expect(indexed).toEqual(scanned);
    await scores().doc('spread').remove();
  });

  it('follows updates that add, remove and replace elements', async () => {
    const both = (data: Doc) => ({ ...data, labels: data.tags });
    await scores()
      .doc('s0003')
      .update({ tags: _.pull('x'), labels: _.pull('x') });
    await scores()
      .doc('s0004')
      .update({ tags: _.push(['w']), labels: _.push(['w']) });
    await scores()
      .doc('s0008')
      .update(both({ tags: 'w' }));
    await scores()
      .doc('s0013')
      .update(both({ tags: [] }));
    await scores().doc('s0018').update({ tags: _.remove(), labels: _.remove() });
    await scores().add({
      _id: 'tagged',
      category: 'c',
      cat: 'c',
      score: 1,
      points: 1,
      tags: ['w', 'x'],
      labels: ['w', 'x'],
    });
    for (const where of [
      (tags: string) => ({ [tags]: 'w' }),
      (tags: string) => ({ [tags]: 'x' }),
      (tags: string) => ({ [tags]: _.in(['w', 'y']) }),
      (tags: string) => ({ [tags]: null }),
    ]) {
      const { indexed, scanned } = await twins(where);
      expect(indexed).toEqual(scanned);
    }
    const w = await twins((tags) => ({ [tags]: 'w' }));
    expect(w.indexed).toEqual(expect.arrayContaining(['s0004', 's0008', 'tagged']));
    expect((await twins((tags) => ({ [tags]: 'x' }))).indexed).not.toContain('s0003');
  });
});

describe('the "no index" advice', () => {
  it('a query no index serves is logged once per shape; an indexed one is not', async () => {
    logLines.length = 0;
    await scores()
      .where({ category: 'a', score: _.gt(3) })
      .orderBy('score', 'desc')
      .get();
    expect(logLines.filter((line) => line.includes('no index'))).toEqual([]);
    await scores()
      .where({ points: _.gt(3) })
      .get();
    await scores()
      .where({ points: _.gt(5) })
      .get();
    const advice = logLines.filter((line) => line.includes('no index'));
    expect(advice).toHaveLength(1);
    expect(advice[0]).toContain('scores: points');
  });
});

describe('indexes are rebuilt at start', () => {
  it('after a restart the indexed answer is unchanged', async () => {
    const before = await bothWays((c, s) => ({ [c]: 'c', [s]: _.lte(70) }), [['score', 'asc']]);
    await t.cloud.close();
    const { dataDir } = t;
    const reopened = await startFixtureCloud({ dataDir });
    try {
      const rows = await reopened.app
        .database()
        .collection('scores')
        .where({ category: 'c', score: _.lte(70) })
        .orderBy('score', 'asc')
        .orderBy('_id', 'asc')
        .limit(1000)
        .get();
      expect(ids(rows.data as Doc[])).toEqual(before.indexed);
    } finally {
      await reopened.close();
    }
    t = await startFixtureCloud({ dataDir });
    removeDataDir = dataDir;
  });
});
