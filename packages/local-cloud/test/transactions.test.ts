import type { TestCloud } from './helpers';
import { byId, post, rejection, startFixtureCloud, type Doc } from './helpers';

/** Transactions through the real SDK: `db.startTransaction()` and `db.runTransaction()`. */

interface TxDoc {
  get(): Promise<{ data: Doc | null }>;
  set(data: object): Promise<{ updated: number; upserted?: { _id: string }[] }>;
  update(data: object): Promise<{ updated: number }>;
  remove(): Promise<{ deleted: number }>;
}
interface TxQuery {
  get(): Promise<{ data: Doc[] }>;
  updateAndReturn(data: object): Promise<{ updated: number; doc: Doc | null }>;
}
interface Tx {
  collection(name: string): {
    doc(id: string): TxDoc;
    add(data: object): Promise<{ id: string; ids?: string[] }>;
    where(query: object): TxQuery;
  };
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

let t: TestCloud;
let db: ReturnType<TestCloud['app']['database']>;
let _: ReturnType<TestCloud['app']['database']>['command'];

beforeAll(async () => {
  t = await startFixtureCloud();
  db = t.app.database();
  _ = db.command;
});

afterAll(async () => {
  await t.close();
});

const items = () => db.collection('items');
const start = (): Promise<Tx> => db.startTransaction() as Promise<Tx>;
const run = <T>(callback: (tx: Tx) => Promise<T>): Promise<T> => db.runTransaction(callback) as Promise<T>;

async function all(name = 'items'): Promise<Doc[]> {
  return byId((await db.collection(name).limit(1000).get()).data as Doc[]);
}

beforeEach(async () => {
  await items()
    .where({ _id: _.exists(true) })
    .remove();
  await db
    .collection('enquiries')
    .where({ _id: _.exists(true) })
    .remove();
  await items().add([
    { _id: 'a', n: 1 },
    { _id: 'b', n: 2 },
  ]);
});

describe('startTransaction()', () => {
  it('get, set, update, remove and add inside; commit makes all visible at once', async () => {
    const tx = await start();
    const c = tx.collection('items');
    await expect(c.doc('a').get()).resolves.toMatchObject({ data: { _id: 'a', n: 1 } });
    await expect(c.doc('missing').get()).resolves.toMatchObject({ data: null });
    await expect(c.doc('c').set({ n: 3 })).resolves.toMatchObject({ updated: 0, upserted: [{ _id: 'c' }] });
    await expect(c.doc('a').update({ n: _.inc(10), touched: true })).resolves.toMatchObject({ updated: 1 });
    await expect(c.doc('b').remove()).resolves.toMatchObject({ deleted: 1 });
    await expect(c.add({ _id: 'd', n: 4 })).resolves.toMatchObject({ id: 'd' });

    // The transaction sees its own writes …
    await expect(c.doc('a').get()).resolves.toMatchObject({ data: { _id: 'a', n: 11, touched: true } });
    await expect(c.doc('b').get()).resolves.toMatchObject({ data: null });
    // … nobody else does before the commit.
    expect(await all()).toEqual([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
    ]);

    await tx.commit();
    expect(await all()).toEqual([
      { _id: 'a', n: 11, touched: true },
      { _id: 'c', n: 3 },
      { _id: 'd', n: 4 },
    ]);
  });

  it('rollback leaves nothing, and the transaction cannot be committed afterwards', async () => {
    const tx = await start();
    const c = tx.collection('items');
    await c.doc('a').update({ n: 100 });
    await c.doc('b').remove();
    await c.doc('x').set({ n: 9 });
    await c.add({ _id: 'y', n: 10 });
    await tx.rollback();
    expect(await all()).toEqual([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
    ]);
    expect((await rejection(tx.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
    expect(await all()).toHaveLength(2);
  });

  it('two transactions writing one document: the second writer fails at once with DATABASE_TRANSACTION_CONFLICT and its transaction is over', async () => {
    const first = await start();
    const second = await start();
    await second.collection('items').doc('z').set({ fromSecond: true });
    await first.collection('items').doc('a').update({ n: 10 });
    const error = await rejection(second.collection('items').doc('a').update({ n: 20 }));
    expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    await first.commit();
    // Nothing of the failed transaction is stored, and it cannot be committed any more.
    expect((await rejection(second.commit())).code).toBe('DATABASE_TRANSACTION_FAIL');
    expect(await all()).toEqual([
      { _id: 'a', n: 10 },
      { _id: 'b', n: 2 },
    ]);
  });

  it('a write to a document changed since the transaction started conflicts at once', async () => {
    const tx = await start();
    await items().doc('a').update({ n: 50 });
    const error = await rejection(tx.collection('items').doc('a').update({ n: 2 }));
    expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await all()).toEqual([
      { _id: 'a', n: 50 },
      { _id: 'b', n: 2 },
    ]);
  });

  it('reads come from the snapshot taken at the start, by id and by condition', async () => {
    const tx = await start();
    await items().doc('a').update({ n: 50 });
    await items().add({ _id: 'c', n: 3 });
    await items().doc('b').remove();
    const c = tx.collection('items');
    await expect(c.doc('a').get()).resolves.toMatchObject({ data: { _id: 'a', n: 1 } });
    await expect(c.doc('b').get()).resolves.toMatchObject({ data: { _id: 'b', n: 2 } });
    await expect(c.doc('c').get()).resolves.toMatchObject({ data: null });
    expect(byId((await c.where({ n: _.gte(1) }).get()).data)).toEqual([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
    ]);
    await tx.rollback();
  });

  it('conditional reads, multi-document inserts and updateAndReturn work inside a transaction', async () => {
    const tx = await start();
    const c = tx.collection('items');
    const added = await c.add([
      { _id: 'p', n: 7 },
      { _id: 'q', n: 8 },
    ]);
    expect(added.ids).toEqual(['p', 'q']);
    expect(byId((await c.where({ n: _.gt(1) }).get()).data)).toEqual([
      { _id: 'b', n: 2 },
      { _id: 'p', n: 7 },
      { _id: 'q', n: 8 },
    ]);
    const changed = await c.where({ n: 2 }).updateAndReturn({ n: _.inc(1) });
    expect(changed).toMatchObject({ updated: 1, doc: { _id: 'b', n: 3 } });
    expect(await all()).toHaveLength(2);
    await tx.commit();
    expect(await all()).toEqual([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 3 },
      { _id: 'p', n: 7 },
      { _id: 'q', n: 8 },
    ]);
  });

  it('a committed, aborted or unknown transaction answers as CloudBase does: the transaction does not exist', async () => {
    const committed = await start();
    await committed.commit();
    const aborted = await start();
    await aborted.rollback();
    const errors = [
      await rejection(committed.commit()),
      await rejection(committed.collection('items').doc('a').get()),
      await rejection(aborted.rollback()),
      await rejection(aborted.collection('items').add({ n: 1 })),
    ];
    for (const error of errors) {
      expect(error.code).toBe('DATABASE_TRANSACTION_FAIL');
      expect(error.message).toContain('[ResourceUnavailable.TransactionNotExist]');
    }
    const unknown = await post(
      t.cloud.serviceUrl,
      JSON.stringify({ action: 'database.commitTransaction', transactionId: 'no-such-transaction' }),
    );
    expect(unknown.json).toMatchObject({
      code: 'DATABASE_TRANSACTION_FAIL',
      message: expect.stringContaining('TransactionNotExist'),
    });
  });

  it('a plain write to a document the transaction read makes its commit conflict', async () => {
    const tx = await start();
    const read = await tx.collection('items').doc('a').get();
    await items().doc('a').update({ n: 50 });
    await tx
      .collection('items')
      .doc('b')
      .update({ n: (read.data?.n as number) + 1 });
    expect((await rejection(tx.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(await all()).toEqual([
      { _id: 'a', n: 50 },
      { _id: 'b', n: 2 },
    ]);
  });

  it('transactions on different documents both commit', async () => {
    const first = await start();
    const second = await start();
    await first.collection('items').doc('a').update({ n: 10 });
    await second.collection('items').doc('b').update({ n: 20 });
    await first.commit();
    await second.commit();
    expect(await all()).toEqual([
      { _id: 'a', n: 10 },
      { _id: 'b', n: 20 },
    ]);
  });

  it('a commit that would break a unique index rejects with DATABASE_DUPLICATE_WRITE and stores nothing', async () => {
    await db.collection('enquiries').add({ _id: 'e1', _openid: 'o1', requestId: 'req-00001' });
    const tx = await start();
    await tx.collection('items').doc('a').update({ n: 99 });
    await tx.collection('enquiries').add({ _id: 'e2', _openid: 'o1', requestId: 'req-00001' });
    expect((await rejection(tx.commit())).code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(await all('enquiries')).toEqual([{ _id: 'e1', _openid: 'o1', requestId: 'req-00001' }]);
    expect(await all()).toEqual([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
    ]);
  });
});

describe('runTransaction()', () => {
  it('commits what the callback did and answers its return value', async () => {
    const result = await run(async (tx) => {
      const a = (await tx.collection('items').doc('a').get()).data as Doc;
      await tx
        .collection('items')
        .doc('a')
        .update({ n: (a.n as number) + 1 });
      await tx.collection('items').add({ _id: 'log', from: a.n });
      return 'moved';
    });
    expect(result).toBe('moved');
    expect(await all()).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'b', n: 2 },
      { _id: 'log', from: 1 },
    ]);
  });

  it("t.rollback('reason') rejects with the reason and stores nothing", async () => {
    const outcome = await rejection(
      run(async (tx) => {
        await tx.collection('items').doc('a').update({ n: -1 });
        await tx.collection('items').doc('new').set({ n: 0 });
        await tx.rollback('reason');
      }),
    );
    expect(outcome).toBe('reason');
    expect(await all()).toEqual([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
    ]);
  });

  it('an error thrown in the callback rejects with it and stores nothing', async () => {
    const outcome = await rejection(
      run(async (tx) => {
        await tx.collection('items').doc('b').remove();
        throw new Error('boom');
      }),
    );
    expect(outcome).toBeInstanceOf(Error);
    expect(outcome.message).toBe('boom');
    expect(await all()).toHaveLength(2);
  });

  it('retries on a conflict and then succeeds', async () => {
    let attempts = 0;
    const result = await run(async (tx) => {
      attempts += 1;
      const a = (await tx.collection('items').doc('a').get()).data as Doc;
      // On the first attempt someone else changes the document after it was read.
      if (attempts === 1) await items().doc('a').update({ n: 100 });
      await tx
        .collection('items')
        .doc('a')
        .update({ n: (a.n as number) + 1 });
      return a.n;
    });
    expect(attempts).toBe(2);
    expect(result).toBe(100);
    expect(await all()).toEqual([
      { _id: 'a', n: 101 },
      { _id: 'b', n: 2 },
    ]);
  });

  it('two concurrent read-increment-write transactions both land', async () => {
    // Both first attempts read before either writes, so they do collide; retries pass straight on.
    let reads = 0;
    let bothRead: () => void = () => undefined;
    const barrier = new Promise<void>((resolve) => (bothRead = resolve));
    const increment = () =>
      run(async (tx) => {
        const a = (await tx.collection('items').doc('a').get()).data as Doc;
        if (++reads === 2) bothRead();
        await barrier;
        await tx
          .collection('items')
          .doc('a')
          .update({ n: (a.n as number) + 1 });
      });
    await Promise.all([increment(), increment()]);
    expect(await all()).toEqual([
      { _id: 'a', n: 3 },
      { _id: 'b', n: 2 },
    ]);
  });
});
