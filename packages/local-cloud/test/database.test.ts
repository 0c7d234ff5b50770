import type { TestCloud } from './helpers';
import { byId, ids, post, rejection, startFixtureCloud, type Doc } from './helpers';

/**
 * Conformance of the local cloud's database with CloudBase, driven through the real
 * `@cloudbase/node-sdk` over HTTP.
 */

let t: TestCloud;
let db: ReturnType<TestCloud['app']['database']>;
let _: ReturnType<TestCloud['app']['database']>['command'];
let $: ReturnType<TestCloud['app']['database']>['command']['aggregate'];

beforeAll(async () => {
  t = await startFixtureCloud();
  db = t.app.database();
  _ = db.command;
  $ = _.aggregate;
});

afterAll(async () => {
  await t.close();
});

const items = () => db.collection('items');

async function clear(name: string): Promise<void> {
  await db
    .collection(name)
    .where({ _id: _.exists(true) })
    .remove();
  expect((await db.collection(name).count()).total).toBe(0);
}

async function all(name = 'items'): Promise<Doc[]> {
  return byId((await db.collection(name).limit(1000).get()).data as Doc[]);
}

async function serverKeepsServing(): Promise<void> {
  const res = await fetch(`${t.cloud.url}/health`);
  expect(res.status).toBe(200);
  await expect(res.json()).resolves.toEqual({ ok: true });
  expect((await db.collection('admins').count()).total).toBe(0);
}

describe('documents', () => {
  beforeEach(() => clear('items'));

  it('add() of one document answers its new id and stores it exactly', async () => {
    const res = await items().add({ title: '奥胡斯', n: 1, nested: { a: [1, 'two', { three: 3 }] } });
    expect(res.id).toMatch(/^[0-9a-f]{32}$/);
    const got = await items()
      .doc(res.id as string)
      .get();
    expect(got.data).toEqual([
      { _id: res.id, title: '奥胡斯', n: 1, nested: { a: [1, 'two', { three: 3 }] } },
    ]);
  });

  it('add() of an array answers ids in order and stores every document', async () => {
    const res = await items().add([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(res.ids).toHaveLength(3);
    expect(new Set(res.ids).size).toBe(3);
    for (const [i, id] of (res.ids as string[]).entries()) {
      expect((await items().doc(id).get()).data).toEqual([{ _id: id, n: i + 1 }]);
    }
    expect((await items().count()).total).toBe(3);
  });

  it('add() keeps a client-chosen _id and rejects a second document with the same _id', async () => {
    await expect(items().add({ _id: 'chosen', n: 1 })).resolves.toMatchObject({ id: 'chosen' });
    const error = await rejection(items().add({ _id: 'chosen', n: 2 }));
    expect(error.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(await all()).toEqual([{ _id: 'chosen', n: 1 }]);
  });

  it('doc(id).get() of a missing document answers an empty list', async () => {
    await expect(items().doc('missing').get()).resolves.toMatchObject({ data: [] });
  });

  it('doc(id).set() creates a missing document (upsert) and replaces an existing one whole', async () => {
    const created = await items()
      .doc('s1')
      .set({ a: 1, b: { c: 2 } });
    expect(created).toMatchObject({ updated: 0, upsertedId: 's1' });
    expect(await all()).toEqual([{ _id: 's1', a: 1, b: { c: 2 } }]);

    const replaced = await items().doc('s1').set({ z: 26 });
    expect(replaced.updated).toBe(1);
    expect(replaced.upsertedId).toBeUndefined();
    expect(await all()).toEqual([{ _id: 's1', z: 26 }]);
  });

  it('set() with a document identical to the stored one reports one update, as CloudBase does', async () => {
    await items().add({ _id: 'same', a: 1, b: { c: [1, 2] } });
    await expect(
      items()
        .doc('same')
        .set({ a: 1, b: { c: [1, 2] } }),
    ).resolves.toMatchObject({ updated: 1 });
    expect(await all()).toEqual([{ _id: 'same', a: 1, b: { c: [1, 2] } }]);
  });

  it('a numeric _id stays a number: doc(123) finds, updates and removes it, and "123" is another document', async () => {
    const added = await items().add([
      { _id: 123, kind: 'number' },
      { _id: '123', kind: 'string' },
    ]);
    expect(added.ids).toEqual([123, '123']);
    const byNumber = await items().doc(123).get();
    expect(byNumber.data).toEqual([{ _id: 123, kind: 'number' }]);
    expect((await items().where({ _id: 123 }).get()).data).toEqual([{ _id: 123, kind: 'number' }]);
    await expect(items().doc(123).update({ seen: true })).resolves.toMatchObject({ updated: 1 });
    expect((await items().doc('123').get()).data).toEqual([{ _id: '123', kind: 'string' }]);
    const duplicate = await rejection(items().add({ _id: 123 }));
    expect(duplicate.code).toBe('DATABASE_DUPLICATE_WRITE');
    await expect(items().doc(123).remove()).resolves.toMatchObject({ deleted: 1 });
    expect(await all()).toEqual([{ _id: '123', kind: 'string' }]);
  });

  it('doc(id).update() merges fields and leaves others; a missing id updates nothing and creates nothing', async () => {
    await items().add({ _id: 'u1', a: 1, b: { c: 2, d: 3 } });
    await expect(
      items()
        .doc('u1')
        .update({ a: 10, b: { c: 20 }, e: 'new' }),
    ).resolves.toMatchObject({
      updated: 1,
    });
    expect(await all()).toEqual([{ _id: 'u1', a: 10, b: { c: 20, d: 3 }, e: 'new' }]);

    await expect(items().doc('nope').update({ a: 1 })).resolves.toMatchObject({ updated: 0 });
    expect(await all()).toHaveLength(1);
  });

  it('doc(id).remove() deletes one document; removing it again deletes nothing', async () => {
    await items().add([
      { _id: 'r1', n: 1 },
      { _id: 'r2', n: 2 },
    ]);
    await expect(items().doc('r1').remove()).resolves.toMatchObject({ deleted: 1 });
    await expect(items().doc('r1').remove()).resolves.toMatchObject({ deleted: 0 });
    expect(await all()).toEqual([{ _id: 'r2', n: 2 }]);
  });

  it('field() projects included and excluded fields, nested paths too, on doc() and on queries', async () => {
    await items().add({ _id: 'f1', a: 1, b: 2, o: { x: 1, y: 2 } });
    expect((await items().doc('f1').field({ a: true }).get()).data).toEqual([{ _id: 'f1', a: 1 }]);
    expect((await items().doc('f1').field({ 'o.y': true }).get()).data).toEqual([{ _id: 'f1', o: { y: 2 } }]);
    expect((await items().where({ a: 1 }).field({ b: false, o: false }).get()).data).toEqual([
      { _id: 'f1', a: 1 },
    ]);
  });

  it('count() counts all documents or those matching where()', async () => {
    await items().add([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    await expect(items().count()).resolves.toMatchObject({ total: 4 });
    await expect(
      items()
        .where({ n: _.gte(3) })
        .count(),
    ).resolves.toMatchObject({ total: 2 });
    await expect(items().where({ n: 99 }).count()).resolves.toMatchObject({ total: 0 });
  });

  it('Dates round-trip as Date, in nested objects and arrays too', async () => {
    const at = new Date('2024-05-17T08:30:15.123Z');
    const old = new Date('1953-06-05T12:00:00.000Z');
    await items().add({
      _id: 'd1',
      at,
      list: [{ when: old, tags: ['a', 'b'] }, [1, [2, [3]]]],
      deep: { level: { at, empty: {}, none: null, flag: false, pi: 3.25 } },
    });
    const [doc] = (await items().doc('d1').get()).data as Doc[];
    expect(doc).toEqual({
      _id: 'd1',
      at,
      list: [{ when: old, tags: ['a', 'b'] }, [1, [2, [3]]]],
      deep: { level: { at, empty: {}, none: null, flag: false, pi: 3.25 } },
    });
    expect(doc?.at).toBeInstanceOf(Date);
    expect(((doc?.list as Doc[])[0]?.when as Date).getTime()).toBe(old.getTime());
  });
});

describe('where() with every query operator', () => {
  const PEOPLE: Doc[] = [
    {
      _id: 'p1',
      name: 'Anna',
      age: 31,
      score: 10,
      tags: ['dk', 'cn'],
      address: { city: 'Aarhus', zip: 8000 },
      items: [
        { k: 1, v: 'a' },
        { k: 2, v: 'b' },
      ],
      joined: new Date('2020-01-01T00:00:00Z'),
    },
    {
      _id: 'p2',
      name: 'bo',
      age: 25,
      score: 40,
      tags: ['dk'],
      address: { city: 'Herning', zip: 7400 },
      items: [{ k: 3, v: 'a' }],
      joined: new Date('2021-06-01T00:00:00Z'),
    },
    {
      _id: 'p3',
      name: 'Chen',
      age: 40,
      score: 40,
      tags: ['cn', 'se', 'dk'],
      address: { city: 'Aarhus', zip: 8200 },
      items: [],
      joined: new Date('2019-03-15T00:00:00Z'),
      nickname: null,
    },
    {
      _id: 'p4',
      name: 'Dorte',
      age: 52,
      score: 5,
      tags: [],
      items: [{ k: 2, v: 'c' }],
      joined: new Date('2022-11-30T00:00:00Z'),
    },
  ];

  beforeAll(async () => {
    await clear('items');
    await items().add(PEOPLE);
  });

  async function match(query: object): Promise<string[]> {
    return ids((await items().where(query).get()).data as Doc[]).sort();
  }

  it('eq, neq', async () => {
    expect(await match({ age: _.eq(25) })).toEqual(['p2']);
    expect(await match({ age: 25 })).toEqual(['p2']);
    expect(await match({ age: _.neq(25) })).toEqual(['p1', 'p3', 'p4']);
  });

  it('lt, lte, gt, gte', async () => {
    expect(await match({ age: _.lt(31) })).toEqual(['p2']);
    expect(await match({ age: _.lte(31) })).toEqual(['p1', 'p2']);
    expect(await match({ age: _.gt(40) })).toEqual(['p4']);
    expect(await match({ age: _.gte(40) })).toEqual(['p3', 'p4']);
  });

  it('in, nin', async () => {
    expect(await match({ name: _.in(['Anna', 'Chen', 'Nobody']) })).toEqual(['p1', 'p3']);
    expect(await match({ age: _.nin([25, 52]) })).toEqual(['p1', 'p3']);
  });

  it('and: on one field and across fields', async () => {
    expect(await match({ age: _.gt(25).and(_.lt(52)) })).toEqual(['p1', 'p3']);
    expect(await match(_.and([{ 'address.city': 'Aarhus' }, { score: _.gte(40) }]))).toEqual(['p3']);
  });

  it('or: on one field and across fields', async () => {
    expect(await match({ age: _.lt(30).or(_.gt(50)) })).toEqual(['p2', 'p4']);
    expect(await match(_.or([{ age: _.lt(30) }, { score: _.lt(10) }]))).toEqual(['p2', 'p4']);
  });

  it('nor, not', async () => {
    expect(await match(_.nor([{ 'address.city': 'Aarhus' }, { age: 52 }]))).toEqual(['p2']);
    expect(await match({ age: _.not(_.gt(30)) })).toEqual(['p2']);
  });

  it('exists, and null matching null or missing', async () => {
    expect(await match({ address: _.exists(false) })).toEqual(['p4']);
    expect(await match({ nickname: _.exists(true) })).toEqual(['p3']);
    expect(await match({ nickname: _.eq(null) })).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('size, all, elemMatch', async () => {
    expect(await match({ tags: _.size(2) })).toEqual(['p1']);
    expect(await match({ tags: _.size(0) })).toEqual(['p4']);
    expect(await match({ tags: _.all(['dk', 'cn']) })).toEqual(['p1', 'p3']);
    expect(await match({ items: _.elemMatch({ k: _.gte(2), v: 'a' }) })).toEqual(['p2']);
  });

  it('mod', async () => {
    const mod = _.mod as unknown as (divisor: number, remainder: number) => unknown;
    expect(await match({ age: mod(10, 1) })).toEqual(['p1']);
    expect(await match({ age: mod(5, 0) })).toEqual(['p2', 'p3']);
  });

  it('expr compares two fields of the same document', async () => {
    expect(await match(_.expr($.gt(['$score', '$age'])))).toEqual(['p2']);
    expect(await match(_.expr($.eq(['$score', 40])))).toEqual(['p2', 'p3']);
  });

  it('nested fields by dotted path and by nested object', async () => {
    expect(await match({ 'address.zip': _.gte(8000) })).toEqual(['p1', 'p3']);
    expect(await match({ address: { city: 'Herning' } })).toEqual(['p2']);
    expect(await match({ address: { city: 'Aarhus', zip: _.lt(8100) } })).toEqual(['p1']);
  });

  it('db.RegExp({ regexp, options }) and a RegExp literal', async () => {
    expect(await match({ name: db.RegExp({ regexp: '^[a-c]', options: 'i' }) })).toEqual(['p1', 'p2', 'p3']);
    expect(await match({ name: db.RegExp({ regexp: '^[a-c]' }) })).toEqual(['p2']);
    expect(await match({ name: /^[A-D]/ })).toEqual(['p1', 'p3', 'p4']);
    expect(await match({ name: /E$/i })).toEqual(['p4']);
  });

  it('array fields match any element, and dotted paths into arrays of objects', async () => {
    expect(await match({ tags: 'se' })).toEqual(['p3']);
    expect(await match({ tags: 'dk' })).toEqual(['p1', 'p2', 'p3']);
    expect(await match({ 'items.v': 'a' })).toEqual(['p1', 'p2']);
    expect(await match({ 'items.k': _.gt(2) })).toEqual(['p2']);
  });

  it('Dates compare as dates: ranges', async () => {
    expect(await match({ joined: _.gte(new Date('2021-01-01T00:00:00Z')) })).toEqual(['p2', 'p4']);
    expect(await match({ joined: _.lt(new Date('2020-01-01T00:00:00Z')) })).toEqual(['p3']);
  });

  it('Dates compare as dates: equality and in', async () => {
    expect(await match({ joined: new Date('2019-03-15T00:00:00Z') })).toEqual(['p3']);
    expect(await match({ joined: _.eq(new Date('2020-01-01T00:00:00Z')) })).toEqual(['p1']);
    expect(
      await match({ joined: _.in([new Date('2020-01-01T00:00:00Z'), new Date('2022-11-30T00:00:00Z')]) }),
    ).toEqual(['p1', 'p4']);
  });

  it('orderBy() with several keys, skip() and limit()', async () => {
    const order = async (q: { get(): Promise<{ data: unknown[] }> }) => ids((await q.get()).data as Doc[]);
    expect(await order(items().orderBy('score', 'desc').orderBy('name', 'asc'))).toEqual([
      'p3',
      'p2',
      'p1',
      'p4',
    ]);
    expect(await order(items().orderBy('score', 'desc').orderBy('name', 'desc'))).toEqual([
      'p2',
      'p3',
      'p1',
      'p4',
    ]);
    expect(await order(items().orderBy('age', 'asc').skip(1).limit(2))).toEqual(['p1', 'p3']);
    expect(await order(items().where({ 'address.city': 'Aarhus' }).orderBy('joined', 'desc'))).toEqual([
      'p1',
      'p3',
    ]);
  });
});

describe('limits', () => {
  const TOTAL = 1100;

  beforeAll(async () => {
    await clear('items');
    // Two requests, each well under the 1 MB body limit.
    for (const start of [0, TOTAL / 2]) {
      const batch = Array.from({ length: TOTAL / 2 }, (_unused, k) => ({ i: start + k, g: (start + k) % 3 }));
      const body = JSON.stringify(batch);
      expect(Buffer.byteLength(body)).toBeLessThan(1024 * 1024);
      const res = await items().add(batch);
      expect(res.ids).toHaveLength(TOTAL / 2);
    }
  });

  it('count() sees every document', async () => {
    await expect(items().count()).resolves.toMatchObject({ total: TOTAL });
  });

  it('get() without limit answers 100 documents', async () => {
    const res = await items().orderBy('i', 'asc').get();
    expect((res.data as Doc[]).map((d) => d.i)).toEqual(Array.from({ length: 100 }, (_u, k) => k));
  });

  it('limit(1000) answers 1000 and a larger limit is clamped to 1000', async () => {
    expect((await items().limit(1000).get()).data).toHaveLength(1000);
    expect((await items().limit(5000).get()).data).toHaveLength(1000);
  });

  it('the server itself defaults to 100 and clamps to 1000 (a raw request, without the SDK clamping)', async () => {
    const raw = async (extra: Record<string, unknown>) => {
      const res = await post(
        `${t.cloud.serviceUrl}?env=local`,
        JSON.stringify({ action: 'database.getDocument', collectionName: 'items', query: '{}', ...extra }),
      );
      expect(res.status).toBe(200);
      return (res.json as { data: { list: string[] } }).data.list.length;
    };
    expect(await raw({})).toBe(100);
    expect(await raw({ limit: 5000 })).toBe(1000);
    expect(await raw({ limit: 7 })).toBe(7);
  });

  it('skip() pages past the first 1000', async () => {
    const res = await items().orderBy('i', 'desc').skip(1000).limit(1000).get();
    expect((res.data as Doc[]).map((d) => d.i)).toEqual(Array.from({ length: 100 }, (_u, k) => 99 - k));
  });

  it('a where() filter applies before the limit', async () => {
    const res = await items().where({ g: 0 }).orderBy('i', 'asc').limit(1000).get();
    const got = (res.data as Doc[]).map((d) => d.i);
    expect(got).toHaveLength(367);
    expect(got.every((i) => (i as number) % 3 === 0)).toBe(true);
  });
});

describe('update operators', () => {
  const BASE = { n: 5, o: { a: 1, b: 2 }, arr: [1, 2, 3], d: new Date('2024-01-01T00:00:00Z') };

  beforeEach(async () => {
    await clear('items');
    await items().doc('u').set(BASE);
  });

  async function after(data: object, updated = 1): Promise<Doc | undefined> {
    await expect(items().doc('u').update(data)).resolves.toMatchObject({ updated });
    const [doc] = (await items().doc('u').get()).data as Doc[];
    return doc;
  }

  it('plain nested objects merge; _.set() replaces the object', async () => {
    expect(await after({ o: { c: 3 } })).toEqual({ ...BASE, _id: 'u', o: { a: 1, b: 2, c: 3 } });
    expect(await after({ o: _.set({ c: 4 }) })).toEqual({ ...BASE, _id: 'u', o: { c: 4 } });
  });

  it('dotted paths set one nested field or one array element', async () => {
    expect(await after({ 'o.a': 10 })).toEqual({ ...BASE, _id: 'u', o: { a: 10, b: 2 } });
    expect(await after({ 'arr.1': 20 })).toEqual({ ...BASE, _id: 'u', o: { a: 10, b: 2 }, arr: [1, 20, 3] });
  });

  it('remove', async () => {
    const { o: _o, ...rest } = BASE;
    expect(await after({ o: _.remove() })).toEqual({ ...rest, _id: 'u' });
  });

  it('inc, mul', async () => {
    expect((await after({ n: _.inc(2) }))?.n).toBe(7);
    expect((await after({ n: _.inc(-10) }))?.n).toBe(-3);
    expect((await after({ n: _.mul(-4) }))?.n).toBe(12);
  });

  it('min, max (numbers and dates); no change counts as 0 updated', async () => {
    expect((await after({ n: _.min(9) }, 0))?.n).toBe(5);
    expect((await after({ n: _.min(2) }))?.n).toBe(2);
    expect((await after({ n: _.max(9) }))?.n).toBe(9);
    expect((await after({ d: _.max(new Date('2025-02-03T00:00:00Z')) }))?.d).toEqual(
      new Date('2025-02-03T00:00:00Z'),
    );
    expect((await after({ d: _.min(new Date('2023-01-01T00:00:00Z')) }))?.d).toEqual(
      new Date('2023-01-01T00:00:00Z'),
    );
  });

  it('rename', async () => {
    const { n: _n, ...rest } = BASE;
    expect(await after({ n: _.rename('count') })).toEqual({ ...rest, _id: 'u', count: 5 });
  });

  it('push: values, and { each, position, slice, sort }', async () => {
    expect((await after({ arr: _.push([4, 5]) }))?.arr).toEqual([1, 2, 3, 4, 5]);
    expect((await after({ arr: _.push({ each: [0], position: 1 }) }))?.arr).toEqual([1, 0, 2, 3, 4, 5]);
    expect((await after({ arr: _.push({ each: [9, -1], sort: -1, slice: 4 }) }))?.arr).toEqual([9, 5, 4, 3]);
    expect((await after({ arr: _.push({ each: [7], slice: -2 }) }))?.arr).toEqual([3, 7]);
  });

  it('pop, shift, unshift', async () => {
    expect((await after({ arr: _.pop() }))?.arr).toEqual([1, 2]);
    expect((await after({ arr: _.shift() }))?.arr).toEqual([2]);
    expect((await after({ arr: _.unshift([7, 8]) }))?.arr).toEqual([7, 8, 2]);
  });

  it('pull (value and condition), pullAll', async () => {
    await items()
      .doc('u')
      .update({ arr: _.push([2, 4, 2]) });
    expect((await after({ arr: _.pull(2) }))?.arr).toEqual([1, 3, 4]);
    expect((await after({ arr: _.pull(_.gt(3)) }))?.arr).toEqual([1, 3]);
    expect((await after({ arr: _.pullAll([1, 9]) }))?.arr).toEqual([3]);
  });

  it('addToSet: a present value changes nothing, a new one is added, $each adds the missing ones', async () => {
    expect((await after({ arr: _.addToSet(3) }, 0))?.arr).toEqual([1, 2, 3]);
    expect((await after({ arr: _.addToSet(4) }))?.arr).toEqual([1, 2, 3, 4]);
    expect((await after({ arr: _.addToSet({ $each: [4, 5, 6] }) }))?.arr).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('several operators in one update apply together', async () => {
    expect(await after({ n: _.inc(1), arr: _.push([4]), 'o.b': _.remove(), flag: true })).toEqual({
      ...BASE,
      _id: 'u',
      n: 6,
      arr: [1, 2, 3, 4],
      o: { a: 1 },
      flag: true,
    });
  });

  it('db.serverDate() and db.serverDate({ offset }) in update, add and set store the server time', async () => {
    const before = Date.now();
    const updated = await after({ t: db.serverDate(), later: db.serverDate({ offset: 60_000 }) });
    const added = await items().add({
      _id: 'sd',
      t: db.serverDate(),
      earlier: db.serverDate({ offset: -5000 }),
    });
    await items().doc('sd2').set({ t: db.serverDate() });
    const afterCalls = Date.now();
    const [addedDoc] = (
      await items()
        .doc(added.id as string)
        .get()
    ).data as Doc[];
    const [setDoc] = (await items().doc('sd2').get()).data as Doc[];
    for (const t0 of [updated?.t, addedDoc?.t, setDoc?.t]) {
      expect(t0).toBeInstanceOf(Date);
      expect((t0 as Date).getTime()).toBeGreaterThanOrEqual(before);
      expect((t0 as Date).getTime()).toBeLessThanOrEqual(afterCalls);
    }
    expect((updated?.later as Date).getTime() - (updated?.t as Date).getTime()).toBe(60_000);
    expect((addedDoc?.earlier as Date).getTime() - (addedDoc?.t as Date).getTime()).toBe(-5000);
  });

  it('where().update() changes every match and answers the count; where().remove() too', async () => {
    await items().add([
      { _id: 'm1', g: 1, v: 1 },
      { _id: 'm2', g: 1, v: 2 },
      { _id: 'm3', g: 2, v: 3 },
    ]);
    await expect(
      items()
        .where({ g: 1 })
        .update({ v: _.inc(10) }),
    ).resolves.toMatchObject({ updated: 2 });
    expect((await all()).filter((d) => d.g !== undefined)).toEqual([
      { _id: 'm1', g: 1, v: 11 },
      { _id: 'm2', g: 1, v: 12 },
      { _id: 'm3', g: 2, v: 3 },
    ]);
    await expect(items().where({ g: 99 }).update({ v: 0 })).resolves.toMatchObject({ updated: 0 });
    await expect(
      items()
        .where({ v: _.gt(10) })
        .remove(),
    ).resolves.toMatchObject({ deleted: 2 });
    expect(ids(await all())).toEqual(['m3', 'u']);
  });

  it('where().updateAndReturn() updates one document and answers it as updated', async () => {
    const res = await items()
      .where({ n: 5 })
      .updateAndReturn({ n: _.inc(1), tag: 'x' });
    expect(res.updated).toBe(1);
    expect(res.doc).toEqual({ ...BASE, _id: 'u', n: 6, tag: 'x' });
    const none = await items().where({ n: 999 }).updateAndReturn({ n: 1 });
    expect(none.updated).toBe(0);
    expect(none.doc).toBeNull();
  });
});

describe('aggregation', () => {
  beforeAll(async () => {
    await clear('items');
    await items().add([
      { _id: 's1', city: 'Aarhus', amount: 10, tags: ['a', 'b'] },
      { _id: 's2', city: 'Aarhus', amount: 30, tags: ['b'] },
      { _id: 's3', city: 'Herning', amount: 5, tags: [] },
      { _id: 's4', city: 'Silkeborg', amount: 7, tags: ['a', 'c'] },
      { _id: 's5', city: 'Herning', amount: 15, tags: ['c'] },
    ]);
    await clear('authors');
    await clear('books');
    await db.collection('authors').add([
      { _id: 'au1', name: 'Andersen' },
      { _id: 'au2', name: 'Blixen' },
    ]);
    await db.collection('books').add([
      { _id: 'b1', authorId: 'au1', title: 'Den lille havfrue' },
      { _id: 'b2', authorId: 'au1', title: 'Den grimme ælling' },
      { _id: 'b3', authorId: 'au2', title: 'Den afrikanske farm' },
    ]);
  });

  it('match, group with sum and avg, sort', async () => {
    const res = await items()
      .aggregate()
      .match({ amount: _.gt(5) })
      .group({ _id: '$city', total: $.sum('$amount'), avg: $.avg('$amount'), n: $.sum(1) })
      .sort({ total: -1 })
      .end();
    expect(res.data).toEqual([
      { _id: 'Aarhus', total: 40, avg: 20, n: 2 },
      { _id: 'Herning', total: 15, avg: 15, n: 1 },
      { _id: 'Silkeborg', total: 7, avg: 7, n: 1 },
    ]);
  });

  it('sort, skip, limit, project', async () => {
    const res = await items()
      .aggregate()
      .sort({ amount: 1 })
      .skip(1)
      .limit(2)
      .project({ _id: 0, city: 1, double: $.multiply(['$amount', 2]) })
      .end();
    expect(res.data).toEqual([
      { city: 'Silkeborg', double: 14 },
      { city: 'Aarhus', double: 20 },
    ]);
  });

  it('unwind and count', async () => {
    const res = await items()
      .aggregate()
      .unwind('$tags')
      .group({ _id: '$tags', n: $.sum(1) })
      .sort({ _id: 1 })
      .end();
    expect(res.data).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'b', n: 2 },
      { _id: 'c', n: 2 },
    ]);
    const counted = await items().aggregate().match({ city: 'Herning' }).count('herning').end();
    expect(counted.data).toEqual([{ herning: 2 }]);
  });

  it('lookup joins another collection', async () => {
    const res = await db
      .collection('authors')
      .aggregate()
      .lookup({ from: 'books', localField: '_id', foreignField: 'authorId', as: 'books' })
      .sort({ _id: 1 })
      .project({ name: 1, titles: '$books.title' })
      .end();
    expect(res.data).toEqual([
      { _id: 'au1', name: 'Andersen', titles: ['Den lille havfrue', 'Den grimme ælling'] },
      { _id: 'au2', name: 'Blixen', titles: ['Den afrikanske farm'] },
    ]);
  });
});

describe('reads never change stored documents', () => {
  const DOC = { _id: 'ro', a: 1, o: { x: 1, y: 2 }, arr: [{ k: 1 }, { k: 2 }] };

  beforeEach(async () => {
    await clear('items');
    await items().add(DOC);
  });

  async function stored(): Promise<Doc | undefined> {
    return ((await items().doc('ro').get()).data as Doc[])[0];
  }

  it('get() with a nested exclusion projection leaves the stored document whole', async () => {
    expect((await items().field({ 'o.y': false }).get()).data).toEqual([{ ...DOC, o: { x: 1 } }]);
    expect(await stored()).toEqual(DOC);
  });

  it('aggregate addFields on a nested path leaves the stored document whole', async () => {
    const res = await items().aggregate().addFields({ 'o.extra': 5 }).end();
    expect(res.data).toEqual([{ ...DOC, o: { x: 1, y: 2, extra: 5 } }]);
    expect(await stored()).toEqual(DOC);
  });

  it('aggregate project excluding nested fields leaves the stored document whole', async () => {
    const res = await items().aggregate().project({ 'o.x': 0, 'arr.k': 0 }).end();
    expect(res.data).toEqual([{ _id: 'ro', a: 1, o: { y: 2 }, arr: [{}, {}] }]);
    expect(await stored()).toEqual(DOC);
  });
});

describe('aggregate lookup never changes the joined collection', () => {
  it('addFields on an unwound joined document leaves the stored one whole', async () => {
    await clear('authors');
    await clear('books');
    await db.collection('authors').add({ _id: 'au1', name: 'Andersen' });
    await db.collection('books').add({ _id: 'b1', authorId: 'au1', title: 'Eventyr', meta: { pages: 100 } });
    const res = await db
      .collection('authors')
      .aggregate()
      .lookup({ from: 'books', localField: '_id', foreignField: 'authorId', as: 'book' })
      .unwind('$book')
      .addFields({ 'book.meta.read': true })
      .end();
    expect(res.data).toEqual([
      {
        _id: 'au1',
        name: 'Andersen',
        book: { _id: 'b1', authorId: 'au1', title: 'Eventyr', meta: { pages: 100, read: true } },
      },
    ]);
    expect((await db.collection('books').doc('b1').get()).data).toEqual([
      { _id: 'b1', authorId: 'au1', title: 'Eventyr', meta: { pages: 100 } },
    ]);
  });
});

describe('unique index (enquiries: _openid + requestId)', () => {
  const enquiries = () => db.collection('enquiries');

  beforeEach(() => clear('enquiries'));

  it('a duplicate insert rejects with DATABASE_DUPLICATE_WRITE and stores nothing', async () => {
    await enquiries().add({ _openid: 'o1', requestId: 'req-00001', n: 1 });
    const error = await rejection(enquiries().add({ _openid: 'o1', requestId: 'req-00001', n: 2 }));
    expect(error.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await all('enquiries')).map(({ _id: _i, ...rest }) => rest)).toEqual([
      { _openid: 'o1', requestId: 'req-00001', n: 1 },
    ]);
  });

  it('documents differing in one key field are both stored', async () => {
    await enquiries().add({ _openid: 'o1', requestId: 'req-00001' });
    await enquiries().add({ _openid: 'o2', requestId: 'req-00001' });
    await enquiries().add({ _openid: 'o1', requestId: 'req-00002' });
    await expect(enquiries().count()).resolves.toMatchObject({ total: 3 });
  });

  it('a batch with one duplicate rejects whole: nothing of it is stored', async () => {
    await enquiries().add({ _id: 'first', _openid: 'o1', requestId: 'req-00001' });
    const error = await rejection(
      enquiries().add([
        { _id: 'new-1', _openid: 'o9', requestId: 'req-00009' },
        { _id: 'new-2', _openid: 'o1', requestId: 'req-00001' },
      ]),
    );
    expect(error.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(ids(await all('enquiries'))).toEqual(['first']);
  });

  it('an update or set that would create a duplicate rejects and changes nothing', async () => {
    await enquiries().add([
      { _id: 'e1', _openid: 'o1', requestId: 'req-00001' },
      { _id: 'e2', _openid: 'o1', requestId: 'req-00002' },
    ]);
    expect((await rejection(enquiries().doc('e2').update({ requestId: 'req-00001' }))).code).toBe(
      'DATABASE_DUPLICATE_WRITE',
    );
    expect((await rejection(enquiries().doc('e2').set({ _openid: 'o1', requestId: 'req-00001' }))).code).toBe(
      'DATABASE_DUPLICATE_WRITE',
    );
    expect(
      (await rejection(enquiries().where({ _openid: 'o1' }).update({ requestId: 'req-00003' }))).code,
    ).toBe('DATABASE_DUPLICATE_WRITE');
    expect(await all('enquiries')).toEqual([
      { _id: 'e1', _openid: 'o1', requestId: 'req-00001' },
      { _id: 'e2', _openid: 'o1', requestId: 'req-00002' },
    ]);
  });

  it('20 concurrent inserts of the same key: exactly one succeeds', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_u, i) =>
        enquiries().add({ _openid: 'o-race', requestId: 'req-race-1', i }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed.map((r) => (r.reason as { code?: unknown }).code)).toEqual(
      Array(19).fill('DATABASE_DUPLICATE_WRITE'),
    );
    await expect(enquiries().count()).resolves.toMatchObject({ total: 1 });
  });
});

describe('errors', () => {
  it('an unknown collection is DATABASE_COLLECTION_NOT_EXIST for every action', async () => {
    const nope = db.collection('no_such_collection');
    const calls: (() => Promise<unknown>)[] = [
      () => nope.get(),
      () => nope.add({ a: 1 }),
      () => nope.doc('x').get(),
      () => nope.doc('x').update({ a: 1 }),
      () => nope.doc('x').remove(),
      () => nope.where({ a: 1 }).count(),
      () => nope.aggregate().match({ a: 1 }).end(),
    ];
    for (const call of calls) {
      const error = await rejection(call());
      expect(error.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
      expect(String(error.message)).toContain('no_such_collection');
    }
    await serverKeepsServing();
  });

  it('an unknown query operator makes the SDK throw INVALID_PARAM for get, count, update and remove', async () => {
    const q = () => items().where({ n: { $nosuch: 1 } });
    for (const call of [() => q().get(), () => q().count(), () => q().update({ a: 1 }), () => q().remove()]) {
      const error = await rejection(call());
      expect(error.code).toBe('INVALID_PARAM');
      expect(String(error.message)).toContain('$nosuch');
    }
    await serverKeepsServing();
  });

  it('an invalid operator inside _.expr is INVALID_PARAM for get, count, update and remove alike', async () => {
    await items().add({ n: 1 });
    const q = () => items().where(_.expr({ $nosuch: ['$n', 1] } as never));
    const codes: unknown[] = [];
    for (const call of [() => q().get(), () => q().count(), () => q().update({ a: 1 }), () => q().remove()]) {
      codes.push((await rejection(call())).code);
    }
    expect(codes).toEqual(['INVALID_PARAM', 'INVALID_PARAM', 'INVALID_PARAM', 'INVALID_PARAM']);
    await serverKeepsServing();
  });

  it('an unknown update operator makes the SDK throw with a code and changes nothing', async () => {
    await clear('items');
    await items().add({ _id: 'x', n: 1 });
    const error = await rejection(
      items()
        .doc('x')
        .update({ $nosuch: { n: 2 } }),
    );
    expect(error.code).toBe('DATABASE_REQUEST_FAILED');
    expect(await all()).toEqual([{ _id: 'x', n: 1 }]);
    const inc = await rejection(
      items()
        .doc('x')
        .update({ n: _.inc('one' as unknown as number) }),
    );
    expect(inc.code).toBe('DATABASE_REQUEST_FAILED');
    expect(await all()).toEqual([{ _id: 'x', n: 1 }]);
    await serverKeepsServing();
  });
});

describe('semantics where mingo departs from MongoDB', () => {
  beforeEach(() => clear('items'));

  it('$elemMatch with field conditions never matches plain scalar elements', async () => {
    await items().add([
      { _id: 'mixed', arr: [{ f: 3 }, 4] },
      { _id: 'scalars', arr: [3, 5] },
      { _id: 'even', arr: [{ f: 2 }] },
      { _id: 'no-f', arr: [{ g: 1 }] },
    ]);
    const where = async (query: Doc) => ids(byId((await items().where(query).get()).data as Doc[]));
    const mod = _.mod as unknown as (divisor: number, remainder: number) => unknown;
    await expect(where({ arr: _.elemMatch({ f: mod(2, 1) }) })).resolves.toEqual(['mixed']);
    await expect(where({ arr: _.elemMatch({ f: _.exists(true) }) })).resolves.toEqual(['even', 'mixed']);
    await expect(where({ arr: _.elemMatch({ f: _.exists(false) }) })).resolves.toEqual(['no-f']);
    await expect(where({ arr: _.elemMatch({ f: _.gt(2) }) })).resolves.toEqual(['mixed']);
    // Operator conditions still apply to the elements themselves.
    await expect(where({ arr: _.elemMatch(_.gt(4)) })).resolves.toEqual(['scalars']);
  });

  describe('dotted paths through arrays resolve as in MongoDB', () => {
    const where = async (query: Doc) => ids(byId((await items().where(query).get()).data as Doc[]));

    it('a path walks into object elements of arrays at every level, never into an array nested in an array', async () => {
      await items().add([
        { _id: 'nested', a: [{ b: [{ c: 1 }, { c: 2 }] }, { b: [{ c: 3 }] }] },
        { _id: 'in-array', a: [[{ b: [{ c: 1 }] }]] },
        { _id: 'plain', a: { b: { c: 2 } } },
        { _id: 'leaf', a: [{ b: { c: [4, 5] } }] },
      ]);
      await expect(where({ 'a.b.c': 1 })).resolves.toEqual(['nested']);
      await expect(where({ 'a.b.c': 2 })).resolves.toEqual(['nested', 'plain']);
      await expect(where({ 'a.b.c': 5 })).resolves.toEqual(['leaf']);
      await expect(where({ 'a.b.c': _.gt(2) })).resolves.toEqual(['leaf', 'nested']);
      await expect(where({ 'a.b.c': _.in([3, 4]) })).resolves.toEqual(['leaf', 'nested']);
      await expect(where({ 'a.b.c': _.exists(true) })).resolves.toEqual(['leaf', 'nested', 'plain']);
      // Nothing reached in the nested array: no value equals 1, so "not 1" holds.
      await expect(where({ 'a.b.c': _.neq(1) })).resolves.toEqual(['in-array', 'leaf', 'plain']);
      // A numeric part names a position, also of an array inside an array.
      await expect(where({ 'a.0.b.c': 1 })).resolves.toEqual(['in-array', 'nested']);
    });

    it('at the end of a path an array stands for itself and its elements, one level deep', async () => {
      await items().add([
        { _id: 'flat', arr: [1, 'abc'] },
        { _id: 'deep', arr: [[1], ['abc']] },
      ]);
      await expect(where({ arr: 1 })).resolves.toEqual(['flat']);
      await expect(where({ arr: [1] })).resolves.toEqual(['deep']);
      await expect(where({ arr: /b/ })).resolves.toEqual(['flat']);
      await expect(where({ arr: _.all([1, 'abc']) })).resolves.toEqual(['flat']);
      await expect(where({ arr: _.elemMatch(_.gt(0)) })).resolves.toEqual(['flat']);
      await expect(where({ arr: _.size(2) })).resolves.toEqual(['deep', 'flat']);
      await expect(where({ 'arr.0': 1 })).resolves.toEqual(['deep', 'flat']);
    });

    it('$size and $type on arr.field look at each element’s field, not at the list of them', async () => {
      await items().add([
        { _id: 'lists', arr: [{ f: [1, 2] }, { f: [3] }] },
        { _id: 'numbers', arr: [{ f: 1 }, { f: 2 }] },
        { _id: 'text', arr: [{ f: 'x' }] },
      ]);
      await expect(where({ 'arr.f': _.size(2) })).resolves.toEqual(['lists']);
      await expect(where({ 'arr.f': _.size(1) })).resolves.toEqual(['lists']);
      await expect(where({ 'arr.f': { $type: 'array' } })).resolves.toEqual(['lists']);
      await expect(where({ 'arr.f': { $type: 'string' } })).resolves.toEqual(['text']);
      await expect(where({ 'arr.f': { $type: 'number' } })).resolves.toEqual(['lists', 'numbers']);
    });

    it('an array sorts by its smallest element ascending and its largest descending, an empty one first of all', async () => {
      await items().add([
        { _id: 'a', v: [5, 1], x: [{ k: 5 }, { k: 1 }] },
        { _id: 'b', v: 3, x: [{ k: 3 }] },
        { _id: 'c', v: [2, 9], x: { k: 2 } },
        { _id: 'd' },
        { _id: 'e', v: [] },
        { _id: 'f', v: null },
      ]);
      const sorted = async (field: string, direction: 'asc' | 'desc') =>
        ids((await items().orderBy(field, direction).orderBy('_id', 'asc').get()).data as Doc[]);
      // A missing field sorts as null, level with it (ties broken by _id).
      await expect(sorted('v', 'asc')).resolves.toEqual(['e', 'd', 'f', 'a', 'c', 'b']);
      await expect(sorted('v', 'desc')).resolves.toEqual(['c', 'a', 'b', 'd', 'f', 'e']);
      await expect(sorted('x.k', 'desc')).resolves.toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
      const stage = await items().aggregate().sort({ v: -1, _id: 1 }).end();
      expect(ids(stage.data as Doc[])).toEqual(['c', 'a', 'b', 'd', 'f', 'e']);
    });

    it('{ "a.b": null } matches a missing or null b, in object elements too, not an empty array or scalar elements', async () => {
      await items().add([
        { _id: 'z1-b', a: [{ b: 5 }] },
        { _id: 'z2-empty-element', a: [{}] },
        { _id: 'z3-empty-array', a: [] },
        { _id: 'z4-one-lacks-b', a: [{}, { b: 5 }] },
        { _id: 'z5-scalar-element', a: [5, { b: 5 }] },
        { _id: 'z6-scalar', a: 5 },
        { _id: 'z7-no-a' },
        { _id: 'z8-null-b', a: [{ b: null }] },
      ]);
      const nullish = ['z2-empty-element', 'z4-one-lacks-b', 'z6-scalar', 'z7-no-a', 'z8-null-b'];
      await expect(where({ 'a.b': null })).resolves.toEqual(nullish);
      await expect(where({ 'a.b': _.eq(null) })).resolves.toEqual(nullish);
      await expect(where({ 'a.b': _.in([null]) })).resolves.toEqual(nullish);
      await expect(where({ 'a.b': _.neq(null) })).resolves.toEqual([
        'z1-b',
        'z3-empty-array',
        'z5-scalar-element',
      ]);
      await expect(where({ 'a.b': _.exists(false) })).resolves.toEqual([
        'z2-empty-element',
        'z3-empty-array',
        'z6-scalar',
        'z7-no-a',
      ]);
    });
  });

  it('$week counts Sunday-based weeks, days before the first Sunday being week 0', async () => {
    const days = ['2024-01-06', '2024-01-07', '2023-01-01', '2024-12-31', '2021-01-02'];
    await items().add(days.map((day) => ({ _id: day, d: new Date(`${day}T12:00:00Z`) })));
    const res = await items()
      .aggregate()
      .project({ week: $.week('$d') })
      .sort({ _id: 1 })
      .end();
    expect(Object.fromEntries((res.data as Doc[]).map((doc) => [doc._id, doc.week]))).toEqual({
      '2021-01-02': 0,
      '2023-01-01': 1,
      '2024-01-06': 0,
      '2024-01-07': 1,
      '2024-12-31': 52,
    });
  });

  it('$indexOfCP counts code points; $substr and $substrBytes read a negative count as "to the end"', async () => {
    await items().add({ _id: 's', s: 'café au lait' });
    const res = await items()
      .aggregate()
      .project({
        au: $.indexOfCP(['$s', 'au']),
        fromSix: $.indexOfCP(['$s', 'a', 6]),
        missing: $.indexOfCP(['$s', 'zz']),
        rest: $.substr(['$s', 6, -1]),
        restBytes: $.substrBytes(['$s', 3, -1]),
      })
      .end();
    expect(res.data).toEqual([
      { _id: 's', au: 5, fromSix: 9, missing: -1, rest: 'au lait', restBytes: 'é au lait' },
    ]);
    const split = await rejection(
      items()
        .aggregate()
        .project({ x: $.substrBytes(['$s', 4, 1]) })
        .end(),
    );
    expect(split.code).toBe('INVALID_PARAM');
  });
});

describe('geo (db.Geo values are GeoJSON; spherical distances)', () => {
  const places: [string, number, number][] = [
    ['aarhus', 10.2039, 56.1629],
    ['copenhagen', 12.5683, 55.6761],
    ['odense', 10.3883, 55.4038],
    ['beijing', 116.4074, 39.9042],
  ];
  /** The SDK's geo classes (its typings name only Point). */
  const Geo = () =>
    db.Geo as unknown as {
      Point: new (longitude: number, latitude: number) => object;
      LineString: new (points: object[]) => object;
      Polygon: new (lines: object[]) => object;
    };
  const aarhus = () => new (Geo().Point)(10.2039, 56.1629);
  /** A closed ring through the given [lng, lat] corners. */
  const area = (corners: [number, number][]) =>
    new (Geo().Polygon)([
      new (Geo().LineString)(
        [...corners, corners[0] as [number, number]].map(([x, y]) => new (Geo().Point)(x, y)),
      ),
    ]);
  const denmark = () =>
    area([
      [8, 54.5],
      [13, 54.5],
      [13, 57.8],
      [8, 57.8],
    ]);

  beforeEach(async () => {
    await clear('items');
    await items().add(places.map(([name, lng, lat]) => ({ _id: name, loc: new (Geo().Point)(lng, lat) })));
    await items().add({
      _id: 'jutland',
      area: area([
        [8, 54.8],
        [10.9, 54.8],
        [10.9, 57.7],
        [8, 57.7],
      ]),
    });
  });

  const where = async (query: Doc) => ids((await items().where(query).get()).data as Doc[]);

  it('a point is stored as GeoJSON', async () => {
    const raw = await post(
      t.cloud.serviceUrl,
      JSON.stringify({ action: 'database.getDocument', collectionName: 'items', query: '{"_id":"aarhus"}' }),
    );
    const list = ((raw.json as Doc).data as { list: string[] }).list;
    expect(JSON.parse(list[0] as string)).toEqual({
      _id: 'aarhus',
      loc: { type: 'Point', coordinates: [10.2039, 56.1629] },
    });
  });

  it('geoNear answers nearest first within the distance band (meters)', async () => {
    await expect(where({ loc: _.geoNear({ geometry: aarhus(), maxDistance: 200_000 }) })).resolves.toEqual([
      'aarhus',
      'odense',
      'copenhagen',
    ]);
    await expect(
      where({ loc: _.geoNear({ geometry: aarhus(), minDistance: 100_000, maxDistance: 10_000_000 }) }),
    ).resolves.toEqual(['copenhagen', 'beijing']);
  });

  it('geoWithin a polygon or a spherical circle (radians), geoIntersects a point', async () => {
    expect([...(await where({ loc: _.geoWithin({ geometry: denmark() }) }))].sort()).toEqual([
      'aarhus',
      'copenhagen',
      'odense',
    ]);
    const radius = 100_000 / 6_378_100;
    expect([...(await where({ loc: _.geoWithin({ centerSphere: [aarhus(), radius] }) }))].sort()).toEqual([
      'aarhus',
      'odense',
    ]);
    await expect(where({ area: _.geoIntersects({ geometry: aarhus() }) })).resolves.toEqual(['jutland']);
    await expect(
      where({ area: _.geoIntersects({ geometry: new (Geo().Point)(12.5683, 55.6761) }) }),
    ).resolves.toEqual([]);
  });

  it('geoIntersects finds edges that cross with no vertex inside, an area holding the query, and lines', async () => {
    const line = (points: [number, number][]) =>
      new (Geo().LineString)(points.map(([x, y]) => new (Geo().Point)(x, y)));
    await items().add([
      // Each crosses the tall strip below with no corner of either inside the other.
      {
        _id: 'bar',
        area: area([
          [7, 56],
          [12.5, 56],
          [12.5, 56.4],
          [7, 56.4],
        ]),
      },
      {
        _id: 'route',
        area: line([
          [7, 55.2],
          [12.5, 55.3],
        ]),
      },
      {
        _id: 'zealand',
        area: area([
          [11.5, 55],
          [12.6, 55],
          [12.6, 55.9],
          [11.5, 55.9],
        ]),
      },
    ]);
    const intersecting = async (geometry: object) =>
      [...(await where({ area: _.geoIntersects({ geometry }) }))].sort();
    const strip = area([
      [9.5, 54],
      [10, 54],
      [10, 58.5],
      [9.5, 58.5],
    ]);
    await expect(intersecting(strip)).resolves.toEqual(['bar', 'jutland', 'route']);
    const insideJutland = area([
      [8.8, 56.8],
      [9.2, 56.8],
      [9.2, 57.2],
      [8.8, 57.2],
    ]);
    await expect(intersecting(insideJutland)).resolves.toEqual(['jutland']);
    await expect(
      intersecting(
        line([
          [12, 54],
          [12.1, 58],
        ]),
      ),
    ).resolves.toEqual(['bar', 'route', 'zealand']);
    await expect(
      intersecting(
        line([
          [14, 54],
          [14.5, 58],
        ]),
      ),
    ).resolves.toEqual([]);
  });

  it('the $geoNear stage adds the distance and goes first', async () => {
    const res = await items()
      .aggregate()
      .geoNear({ near: aarhus(), spherical: true, distanceField: 'meters', key: 'loc', maxDistance: 200_000 })
      .project({ meters: 1 })
      .end();
    const rows = res.data as { _id: string; meters: number }[];
    expect(rows.map((row) => row._id)).toEqual(['aarhus', 'odense', 'copenhagen']);
    expect(rows[0]?.meters).toBe(0);
    expect(rows[1]?.meters).toBeGreaterThan(80_000);
    expect(rows[1]?.meters).toBeLessThan(90_000);
    const late = await rejection(
      items().aggregate().match({}).geoNear({ near: aarhus(), distanceField: 'm' }).end(),
    );
    expect(late.code).toBe('INVALID_PARAM');
  });
});

describe('$jsonSchema in where()', () => {
  beforeEach(() => clear('items'));

  it('matches documents by a schema (bsonType, required, properties, ranges, patterns, enums)', async () => {
    await items().add([
      { _id: 'ok', name: 'Aarhus', size: 5, tags: ['a'], at: new Date('2024-01-01T00:00:00Z') },
      { _id: 'small', name: 'Odense', size: 0, tags: [] },
      { _id: 'no-name', size: 5 },
      { _id: 'number-name', name: 7, size: 5 },
    ]);
    const schema = {
      bsonType: 'object',
      required: ['name', 'size'],
      properties: {
        name: { bsonType: 'string', pattern: '^[A-Z]', maxLength: 20 },
        size: { bsonType: 'int', minimum: 1 },
        tags: { bsonType: 'array', items: { enum: ['a', 'b'] } },
        at: { bsonType: 'date' },
      },
    };
    const res = await items().where({ $jsonSchema: schema }).get();
    expect(ids(res.data as Doc[])).toEqual(['ok']);
    const unknown = await rejection(
      items()
        .where({ $jsonSchema: { format: 'email' } })
        .get(),
    );
    expect(unknown.code).toBe('INVALID_PARAM');
  });
});
