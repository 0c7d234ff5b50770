import tcb from '@cloudbase/node-sdk';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultOpenApiStandIns, type StartContext } from '../src';
import {
  byId,
  FIXTURE_FUNCTIONS,
  FIXTURE_MANIFEST,
  post,
  ROOT,
  startFixtureCloud,
  type Doc,
} from './helpers';

/**
 * Durability of the local cloud run as its own process (the CLI): every acknowledged write
 * survives `kill -9`, and damaged data files are reported, never silently dropped.
 */

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT, 'packages/local-cloud/src/cli.ts');

interface Cli {
  child: ChildProcess;
  url: string;
  serviceUrl: string;
  app: ReturnType<typeof tcb.init>;
  stderr(): string;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();
const tempDirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-durability-'));
  tempDirs.push(dir);
  return dir;
}

/**
 * Kills the CLI and everything it started with SIGKILL. `tsx` runs the program in a child
 * process of its own, so the signal goes to the whole process group (the CLI is started
 * detached, as its group's leader): `child.kill('SIGKILL')` alone would kill only the tsx
 * wrapper and leave the real server running on the data directory.
 */
function kill9(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Starts the CLI on `dataDir`; resolves once it prints its ready line, or with its exit. */
function launch(dataDir: string): {
  child: ChildProcess;
  ready: Promise<{ url: string; serviceUrl: string } | { exitCode: number | null }>;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
} {
  const child = spawn(TSX, [CLI], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      LOCAL_CLOUD_PORT: '0',
      LOCAL_CLOUD_DATA_DIR: dataDir,
      LOCAL_CLOUD_FUNCTIONS_DIR: FIXTURE_FUNCTIONS,
      LOCAL_CLOUD_MANIFEST: FIXTURE_MANIFEST,
      LOCAL_CLOUD_TIMERS: 'off',
      LOCAL_CLOUD_OPEN_API: 'default',
    },
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    });
  });
  const ready = new Promise<{ url: string; serviceUrl: string } | { exitCode: number | null }>((resolve) => {
    const onData = () => {
      const match = /local cloud ready at (http:\/\/127\.0\.0\.1:\d+) \(serviceUrl (\S+)\)/.exec(out);
      if (match) {
        child.stdout?.off('data', onData);
        resolve({ url: match[1] as string, serviceUrl: match[2] as string });
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((exitCode) => resolve({ exitCode }));
  });
  return { child, ready, stdout: () => out, stderr: () => err, exited };
}

async function startCli(dataDir: string): Promise<Cli> {
  const run = launch(dataDir);
  const ready = await run.ready;
  if ('exitCode' in ready) {
    throw new Error(`the CLI exited with ${ready.exitCode}: ${run.stderr()}`);
  }
  const app = tcb.init({ env: 'local', secretId: 'local', secretKey: 'local', serviceUrl: ready.serviceUrl });
  return {
    child: run.child,
    url: ready.url,
    serviceUrl: ready.serviceUrl,
    app,
    stderr: run.stderr,
    exited: run.exited,
  };
}

/** Whether any process of the group is still running (a zombie, dead but not yet reaped, is not). */
function groupRunning(pgid: number): boolean {
  if (!fs.existsSync('/proc/self/stat')) return false;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') return true;
  }
  return false;
}

/** kill -9, then waits until the server itself (tsx's child) is gone, not only the tsx wrapper. */
async function crash(cli: Cli): Promise<void> {
  kill9(cli.child);
  await cli.exited;
  const deadline = Date.now() + 5000;
  while (groupRunning(cli.child.pid as number) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function allDocs(app: { database: Cli['app']['database'] }, name: string): Promise<Doc[]> {
  return byId((await app.database().collection(name).limit(1000).get()).data as Doc[]);
}

// A request cut off by the kill leaves the SDK's "slower than 3 s" warning timer behind; it fires later.
const warn = console.warn.bind(console);
beforeAll(() => {
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).startsWith('[TCB][WARN]')) warn(...args);
  });
});

afterEach(async () => {
  const children = [...running];
  children.forEach(kill9);
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
});

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

const BASE_TIME = Date.UTC(2024, 0, 1);

describe('kill -9', () => {
  it('every acknowledged write is there, exactly, after kill -9 and a restart', async () => {
    const dataDir = tempDir();
    const cli = await startCli(dataDir);
    const db = cli.app.database();
    const _ = db.command;
    const items = db.collection('items');
    const expected = new Map<string, Doc>();

    for (let i = 0; i < 60; i += 1) {
      const doc = {
        _id: `s${String(i).padStart(2, '0')}`,
        i,
        kind: 'single',
        at: new Date(BASE_TIME + i * 1000),
        nested: { tags: [`t${i % 5}`], zh: '中日德兰大区' },
      };
      await items.add(doc);
      expected.set(doc._id, doc);
    }
    for (let b = 0; b < 2; b += 1) {
      const batch = Array.from({ length: 100 }, (_u, k) => ({ kind: 'batch', b, k, g: k % 3 }));
      const res = await items.add(batch);
      (res.ids as string[]).forEach((id, k) => expected.set(id, { ...batch[k], _id: id }));
    }
    for (let i = 0; i < 30; i += 1) {
      const id = `s${String(i).padStart(2, '0')}`;
      await items.doc(id).update({ i: _.inc(1000), updated: true });
      const doc = expected.get(id) as Doc;
      expected.set(id, { ...doc, i: (doc.i as number) + 1000, updated: true });
    }
    for (let i = 30; i < 35; i += 1) {
      await items.doc(`s${i}`).set({ replaced: i });
      expected.set(`s${i}`, { _id: `s${i}`, replaced: i });
    }
    for (let i = 35; i < 45; i += 1) {
      await items.doc(`s${i}`).remove();
      expected.delete(`s${i}`);
    }
    const flagged = await items.where({ kind: 'batch', g: 1 }).update({ flagged: true });
    let flaggedCount = 0;
    for (const [id, doc] of expected) {
      if (doc.kind === 'batch' && doc.g === 1) {
        expected.set(id, { ...doc, flagged: true });
        flaggedCount += 1;
      }
    }
    expect(flagged.updated).toBe(flaggedCount);
    const removed = await items.where({ kind: 'batch', g: 2 }).remove();
    let removedCount = 0;
    for (const [id, doc] of [...expected]) {
      if (doc.kind === 'batch' && doc.g === 2) {
        expected.delete(id);
        removedCount += 1;
      }
    }
    expect(removed.deleted).toBe(removedCount);

    const tx = await db.startTransaction();
    await tx.collection('items').doc('s45').update({ tx: 1 });
    await tx.collection('items').add({ _id: 'tx-new', fromTx: true });
    await tx.collection('items').doc('s46').remove();
    await tx.commit();
    expected.set('s45', { ...(expected.get('s45') as Doc), tx: 1 });
    expected.set('tx-new', { _id: 'tx-new', fromTx: true });
    expected.delete('s46');

    await db.collection('enquiries').add({ _id: 'enq-1', _openid: 'o1', requestId: 'req-00001' });
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_u, i) => (i * 7) % 256));
    const { fileID } = await cli.app.uploadFile({ cloudPath: 'durable/blob.pdf', fileContent: bytes });
    await post(
      `${cli.url}/functions/cloud-caller`,
      JSON.stringify({ call: 'check', content: '持久 [review]' }),
      {
        'x-wx-openid': 'o1',
      },
    );
    // The last acknowledged write: kill at once.
    await items.doc('s47').update({ last: true });
    const killed = crash(cli);
    expected.set('s47', { ...(expected.get('s47') as Doc), last: true });
    await killed;

    const again = await startCli(dataDir);
    expect(await allDocs(again.app, 'items')).toEqual(byId([...expected.values()]));
    expect(await allDocs(again.app, 'enquiries')).toEqual([
      { _id: 'enq-1', _openid: 'o1', requestId: 'req-00001' },
    ]);
    const download = await again.app.downloadFile({ fileID });
    expect((download.fileContent as Buffer).equals(bytes)).toBe(true);
    const outbox = (await (await fetch(`${again.url}/_local/outbox`)).json()) as Doc[];
    expect(outbox.map((entry) => (entry.request as Doc).content)).toEqual(['持久 [review]']);
    // The unique index still holds after the restart.
    await expect(
      again.app.database().collection('enquiries').add({ _openid: 'o1', requestId: 'req-00001' }),
    ).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });

    // Writes after the restart land too, and survive the next kill -9.
    await again.app.database().collection('items').doc('after-restart').set({ ok: true });
    expected.set('after-restart', { _id: 'after-restart', ok: true });
    await crash(again);
    const third = await startFixtureCloud({ dataDir });
    try {
      expect(await allDocs(third.app, 'items')).toEqual(byId([...expected.values()]));
    } finally {
      await third.close();
    }
  });

  it('killed during a burst of concurrent writes: every acknowledged one is there', async () => {
    const dataDir = tempDir();
    const cli = await startCli(dataDir);
    const db = cli.app.database();
    const _ = db.command;
    await db.collection('items').doc('counter').set({ n: 0 });

    const acked = new Set<string>();
    let ackedIncrements = 0;
    let killed = false;
    const afterAck = () => {
      if (!killed && acked.size + ackedIncrements >= 80) {
        killed = true;
        kill9(cli.child);
      }
    };
    const docOf = (i: number) => ({
      _id: `burst-${String(i).padStart(3, '0')}`,
      i,
      body: `payload-${i}-`.repeat(20),
    });
    // Adds and increments interleaved, all in flight at once.
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 150; i += 1) {
      writes.push(
        db
          .collection('items')
          .add(docOf(i))
          .then(() => {
            acked.add(docOf(i)._id);
            afterAck();
          }),
      );
      if (i % 3 === 0) {
        writes.push(
          db
            .collection('items')
            .doc('counter')
            .update({ n: _.inc(1) })
            .then(() => {
              ackedIncrements += 1;
              afterAck();
            }),
        );
      }
    }
    const outcomes = await Promise.allSettled(writes);
    await crash(cli);
    expect(killed).toBe(true);
    // Some writes were cut off by the kill.
    expect(outcomes.some((outcome) => outcome.status === 'rejected')).toBe(true);

    const again = await startFixtureCloud({ dataDir });
    const docs = await allDocs(again.app, 'items').finally(() => again.close());
    const byKey = new Map(docs.map((doc) => [String(doc._id), doc]));
    for (const id of acked) {
      const i = Number(id.slice('burst-'.length));
      expect(byKey.get(id)).toEqual(docOf(i));
    }
    // Whatever else is there is whole, never half-written.
    for (const doc of docs) {
      if (doc._id === 'counter') continue;
      expect(doc).toEqual(docOf(doc.i as number));
    }
    const counter = byKey.get('counter')?.n as number;
    expect(counter).toBeGreaterThanOrEqual(ackedIncrements);
    expect(counter).toBeLessThanOrEqual(50);
  });

  it('SIGTERM stops the CLI cleanly (exit 0) with its data intact', async () => {
    const dataDir = tempDir();
    const cli = await startCli(dataDir);
    await cli.app.database().collection('items').add({ _id: 'kept', n: 1 });
    // As Ctrl-C or a service manager does: the signal reaches the whole process group.
    process.kill(-(cli.child.pid as number), 'SIGTERM');
    await expect(cli.exited).resolves.toBe(0);
    await crash(cli); // only waits for the server to be gone: it has exited already
    const again = await startFixtureCloud({ dataDir });
    expect(await allDocs(again.app, 'items').finally(() => again.close())).toEqual([{ _id: 'kept', n: 1 }]);
  });
});

describe('damaged data files', () => {
  /** A data dir whose log holds the collections and `count` documents, each its own record. */
  async function populated(count: number): Promise<{ dataDir: string; logPath: string; docs: Doc[] }> {
    const dataDir = tempDir();
    // Written in-process (the same data files), to keep the suite fast; the CLI then opens them.
    const cloud = await startFixtureCloud({ dataDir });
    const docs: Doc[] = [];
    for (let i = 0; i < count; i += 1) {
      const doc = { _id: `d${String(i).padStart(2, '0')}`, i, text: `record number ${i}, 奥胡斯` };
      await cloud.app.database().collection('items').add(doc);
      docs.push(doc);
    }
    await cloud.close();
    return { dataDir, logPath: path.join(dataDir, 'database', 'db.log'), docs };
  }

  it('a corrupted byte in the middle of db.log stops the start with a message naming the file and line', async () => {
    const { dataDir, logPath } = await populated(30);
    const original = fs.readFileSync(logPath);
    const lines = original.toString('utf8').split('\n');
    const lineIndex = Math.floor(lines.length / 2);
    const lineStart = lines.slice(0, lineIndex).reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
    // A letter inside the record's payload (after the 8-digit checksum and the space).
    const line = lines[lineIndex] as string;
    const offsetInLine = line.indexOf('record number') + 2;
    expect(offsetInLine).toBeGreaterThan(9);
    const damaged = Buffer.from(original);
    damaged[lineStart + offsetInLine] = damaged[lineStart + offsetInLine] === 0x78 ? 0x79 : 0x78;
    fs.writeFileSync(logPath, damaged);

    const run = launch(dataDir);
    const outcome = await run.ready;
    expect(outcome).toEqual({ exitCode: expect.any(Number) });
    expect((outcome as { exitCode: number }).exitCode).not.toBe(0);
    expect(run.stdout()).not.toContain('ready');
    expect(run.stderr()).toContain(logPath);
    expect(run.stderr()).toContain(`line ${lineIndex + 1}`);
    expect(run.stderr()).toContain('checksum mismatch');
    // Nothing was changed.
    expect(fs.readFileSync(logPath).equals(damaged)).toBe(true);
  });

  it('half a record at the end (no newline) is moved aside and reported; every complete record is kept', async () => {
    const { dataDir, logPath, docs } = await populated(10);
    const original = fs.readFileSync(logPath);
    const lastLine = original.toString('utf8').trimEnd().split('\n').pop() as string;
    const half = Buffer.from(lastLine.slice(0, Math.floor(lastLine.length / 2)), 'utf8');
    fs.appendFileSync(logPath, half);

    const cli = await startCli(dataDir);
    expect(cli.stderr()).toMatch(/incomplete record/);
    expect(cli.stderr()).toMatch(/db\.log\.torn-\d+/);
    const torn = fs.readdirSync(path.dirname(logPath)).filter((name) => name.startsWith('db.log.torn-'));
    expect(torn).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(logPath), torn[0] as string)).equals(half)).toBe(true);
    expect(fs.readFileSync(logPath).equals(original)).toBe(true);
    expect(await allDocs(cli.app, 'items')).toEqual(docs);

    // The log goes on cleanly after the cut.
    await cli.app.database().collection('items').add({ _id: 'after-torn', ok: true });
    await crash(cli);
    const again = await startFixtureCloud({ dataDir });
    expect(await allDocs(again.app, 'items').finally(() => again.close())).toEqual(
      byId([...docs, { _id: 'after-torn', ok: true }]),
    );
    expect(fs.readdirSync(path.dirname(logPath)).filter((name) => name.startsWith('db.log.torn-'))).toEqual(
      torn,
    );
  });

  it('a torn record cut inside a multi-byte character is moved aside byte for byte, with its size in bytes', async () => {
    const { dataDir, logPath, docs } = await populated(3);
    const original = fs.readFileSync(logPath);
    const lastLine = Buffer.from(original.toString('utf8').trimEnd().split('\n').pop() as string, 'utf8');
    // Cut after two whole Chinese characters and two of the third's three bytes.
    const cut = lastLine.indexOf(Buffer.from('斯', 'utf8')) + 2;
    const half = lastLine.subarray(0, cut);
    fs.appendFileSync(logPath, half);

    const cli = await startCli(dataDir);
    expect(await allDocs(cli.app, 'items')).toEqual(docs);
    expect(cli.stderr()).toContain(`(${half.length} bytes)`);
    const [torn] = fs.readdirSync(path.dirname(logPath)).filter((name) => name.startsWith('db.log.torn-'));
    expect(fs.readFileSync(path.join(path.dirname(logPath), torn as string)).equals(half)).toBe(true);
    await crash(cli);
  });

  it('a second local cloud on the same data directory refuses to start while the first runs', async () => {
    const dataDir = tempDir();
    const first = await startFixtureCloud({ dataDir });
    try {
      const second = await startFixtureCloud({ dataDir }).then(
        async (cloud) => {
          await cloud.close();
          return 'started';
        },
        (error: Error) => error.message,
      );
      expect(second).not.toBe('started');
      expect(second).toContain(dataDir);
      // The first one is unaffected.
      await first.app.database().collection('items').add({ _id: 'still-mine' });
      expect(await allDocs(first.app, 'items')).toEqual([{ _id: 'still-mine' }]);
    } finally {
      await first.close();
    }
  });
});

describe('the outbox file', () => {
  it('after a torn final line, new entries are appended cleanly and the next start reads them all', async () => {
    const dataDir = tempDir();
    const check = (cloud: Awaited<ReturnType<typeof startFixtureCloud>>, content: string) =>
      cloud.call('cloud-caller', { call: 'check', content }, 'o1');
    const contents = async (cloud: Awaited<ReturnType<typeof startFixtureCloud>>) =>
      ((await (await fetch(`${cloud.cloud.url}/_local/outbox`)).json()) as Doc[]).map(
        (entry) => (entry.request as Doc).content,
      );

    const first = await startFixtureCloud({ dataDir, openApi: defaultOpenApiStandIns });
    await check(first, 'one');
    await check(first, 'two');
    await first.close();
    // A write cut off by a crash, never acknowledged.
    fs.appendFileSync(path.join(dataDir, 'outbox.jsonl'), '{"seq":3,"at":"2026-');

    const second = await startFixtureCloud({ dataDir, openApi: defaultOpenApiStandIns });
    expect(await contents(second)).toEqual(['one', 'two']);
    await check(second, 'three');
    await second.close();

    const third = await startFixtureCloud({ dataDir });
    try {
      expect(await contents(third)).toEqual(['one', 'two', 'three']);
    } finally {
      await third.close();
    }
  });
});

describe('onStart', () => {
  it('seeds through the hook before serving; what it writes persists; a hook that throws fails the start cleanly', async () => {
    const dataDir = tempDir();
    const seen: string[][] = [];
    const seed = (id: string) => (context: StartContext) => {
      seen.push(context.db.collectionNames());
      if (!context.db.findById('admins', id)) context.db.insert('admins', [{ _id: id, by: 'hook' }]);
    };
    const first = await startFixtureCloud({ dataDir, onStart: seed('o-seeded') });
    expect(seen[0]).toContain('admins');
    await first.close();
    const second = await startFixtureCloud({ dataDir, onStart: seed('o-seeded') });
    expect((await second.app.database().collection('admins').get()).data).toEqual([
      { _id: 'o-seeded', by: 'hook' },
    ]);
    await second.close();

    await expect(
      startFixtureCloud({
        dataDir,
        onStart: () => {
          throw new Error('seed failed');
        },
      }),
    ).rejects.toThrow('seed failed');
    // The failed start released the data directory.
    const third = await startFixtureCloud({ dataDir });
    await third.close();
  });
});
