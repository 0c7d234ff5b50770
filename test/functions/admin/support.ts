/** Helpers shared by the admin and scheduler tests: typed calls, the outbox, snapshots, fixtures. */
import { COLLECTIONS } from '../../../contract/constants';
import { startTestCloud, type TestCloud } from '../../harness/local-cloud';
import { seedDatabase } from '../../harness/seed';

export const STAFF = 'o-staff';
export const OUTSIDER = 'o-outsider';

/** A fresh local cloud with `STAFF` in `admins`. */
export function startStaffCloud(): Promise<TestCloud> {
  return startTestCloud({ adminOpenids: [STAFF] });
}

/**
 * The suite's staff cloud: started (and seeded, when asked) before its tests, closed after them.
 * Read it only inside tests and hooks.
 */
export function staffCloudForSuite(options: { seeded?: boolean } = {}): TestCloud {
  let started: TestCloud | undefined;
  beforeAll(async () => {
    started = await startStaffCloud();
    if (options.seeded) await seedDatabase(started.app);
  });
  afterAll(() => started?.close());
  const current = (): TestCloud => {
    if (!started) throw new Error('the staff cloud is read before the suite started it');
    return started;
  };
  return {
    get cloud() {
      return current().cloud;
    },
    get app() {
      return current().app;
    },
    get dataDir() {
      return current().dataDir;
    },
    call: (name, event, openId) => current().call(name, event, openId),
    close: () => current().close(),
  };
}

export type Envelope<T = Record<string, unknown>> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = any;

/** Calls an admin action as `openId` (staff by default). */
export function admin(t: TestCloud, action: string, data: unknown = {}, openId = STAFF) {
  return t.call<Envelope<Data>>('admin', { action, data }, openId);
}

/** The data of a successful call, or a failure naming what came back instead. */
export async function ok<T = Data>(pending: Promise<Envelope<T>>): Promise<T> {
  const res = await pending;
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res.error)}`);
  return res.data;
}

/** A cloud call as the local cloud records it: dotted API name, calling function and trigger, snake_case request. */
export interface OutboxEntry {
  api: string;
  function: string | null;
  trigger: string | null;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

export async function outbox(t: TestCloud): Promise<OutboxEntry[]> {
  return (await (await fetch(`${t.cloud.url}/_local/outbox`)).json()) as OutboxEntry[];
}

/** Subscription messages sent (or tried) to `touser`. */
export async function messagesTo(t: TestCloud, touser: string): Promise<OutboxEntry[]> {
  return (await outbox(t)).filter(
    (entry) => entry.api === 'subscribeMessage.send' && entry.request.touser === touser,
  );
}

/** Every document of every collection, for before/after comparisons. */
export async function snapshot(t: TestCloud): Promise<Record<string, unknown[]>> {
  const db = t.app.database();
  const out: Record<string, unknown[]> = {};
  for (const name of Object.values(COLLECTIONS)) {
    const { data } = await db.collection(name).orderBy('_id', 'asc').limit(1000).get();
    out[name] = data as unknown[];
  }
  return out;
}

export async function docs<T = Data>(t: TestCloud, collection: string, where: object = {}): Promise<T[]> {
  const { data } = await t.app.database().collection(collection).where(where).limit(1000).get();
  return data as T[];
}

export async function auditEntries(t: TestCloud, action: string): Promise<Data[]> {
  const { data } = await t.app
    .database()
    .collection('audit')
    .where({ action })
    .orderBy('at', 'asc')
    .limit(1000)
    .get();
  return data as Data[];
}

let seq = 0;

/** Inserts an enquiry as the `enquiry` function stores it. */
export async function insertEnquiry(t: TestCloud, fields: Record<string, unknown> = {}): Promise<string> {
  seq += 1;
  const now = new Date();
  const { id } = (await t.app
    .database()
    .collection('enquiries')
    .add({
      _openid: `o-person-${seq}`,
      requestId: `req-${Date.now()}-${seq}`,
      name: '王伟',
      organization: '上海市某某大学',
      email: 'wang.wei@example.cn',
      topic: 'research',
      message: '我们希望与中日德兰大区的研究机构开展合作。',
      consent: { privacy: true, crossBorder: true, at: now, noticeVersion: '2026-11-23' },
      status: 'received',
      createdAt: now,
      updatedAt: now,
      retainUntil: new Date(now.getTime() + 365 * 24 * 3600_000),
      ...fields,
    })) as { id: string };
  return id;
}

/** Inserts an accepted one-time subscription, as `content subscribe` stores it. */
export async function insertSubscription(t: TestCloud, openId: string, topic = 'news'): Promise<string> {
  const { id } = (await t.app
    .database()
    .collection('subscriptions')
    .add({ _openid: openId, topic, status: 'open', createdAt: new Date() })) as { id: string };
  return id;
}

export const draft = (fields: Record<string, unknown> = {}) => ({
  title: '中日德兰大区代表团访问上海',
  summary: '大区代表团与上海合作伙伴就医疗健康合作进行交流。',
  body: '## 访问概况\n\n代表团访问了**上海**的多家机构。\n\n<script>alert(1)</script>',
  tags: ['上海', '代表团'],
  ...fields,
});
