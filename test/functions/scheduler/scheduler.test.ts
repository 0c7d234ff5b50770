import {
  admin,
  auditEntries,
  docs,
  draft,
  insertEnquiry,
  insertSubscription,
  messagesTo,
  ok,
  staffCloudForSuite,
  type Data,
  type Envelope,
} from '../admin/support';
import { until } from '../../harness/until';
import { MESSAGE_RECORD_RETENTION_DAYS } from '../../../contract/constants';

const t = staffCloudForSuite();

const DAY = 24 * 3600_000;

const fire = async () => (await t.cloud.fireTimer('scheduler')) as Envelope<Data>;
const run = async () => {
  const res = await fire();
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.data;
};

const isPublic = async (id: string) => {
  const res = await t.call<Envelope<Data>>(
    'content',
    { action: 'news.list', data: { limit: 20 } },
    'o-public',
  );
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return (res.data.items as { id: string }[]).some((item) => item.id === id);
};

describe('scheduler entry', () => {
  it('runs only for its timer: a call from the mini program is FORBIDDEN and does nothing', async () => {
    const before = (await auditEntries(t, 'scheduler.run')).length;
    expect(await t.call('scheduler', { Type: 'Timer', TriggerName: 'every-5-minutes' }, 'o-someone')).toEqual(
      {
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.any(String) },
      },
    );
    expect(await t.call('scheduler', { action: 'run' }, 'o-someone')).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    // A server call carries no caller, but the platform does not say it is the timer either.
    const { result } = await t.app.callFunction({
      name: 'scheduler',
      data: { Type: 'Timer', TriggerName: 'every-5-minutes' },
    });
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    expect(await auditEntries(t, 'scheduler.run')).toHaveLength(before);
    expect(await fire()).toMatchObject({ ok: true, data: { published: 0, errors: [] } });
    const entries = await auditEntries(t, 'scheduler.run');
    expect(entries).toHaveLength(before + 1);
    expect(entries[entries.length - 1]).toMatchObject({
      actor: 'scheduler',
      at: expect.any(Date),
      details: { published: 0, retried: 0, erased: 0, pruned: 0 },
    });
  });
});

describe('scheduled publishing', () => {
  it('publishes a scheduled item only once its time has come, then notifies subscribers once', async () => {
    await insertSubscription(t, 'o-sched-reader');
    const { id } = await ok(admin(t, 'news.save', draft({ title: '定时发布的新闻' })));
    const at = new Date(Date.now() + 2000);
    expect(await ok(admin(t, 'news.publish', { id, at: at.toISOString() }))).toMatchObject({
      status: 'scheduled',
      notifications: { queued: 0 },
    });
    expect(await run()).toMatchObject({ published: 0 });
    expect(await isPublic(id)).toBe(false);
    expect(await messagesTo(t, 'o-sched-reader')).toHaveLength(0);

    // The scheduler runs on the real clock (in a worker): wait for the publish time to pass.
    await until(() => Date.now() > at.getTime(), {
      intervalMs: 50,
      message: 'the publish time did not come',
    });
    expect(await run()).toMatchObject({
      published: 1,
      publishedIds: [id],
      notified: { queued: 1, sent: 1, failed: 0 },
    });
    expect(await isPublic(id)).toBe(true);
    const [doc] = await docs(t, 'news', { _id: id });
    expect(doc).toMatchObject({ status: 'published', fanOut: 'done' });
    expect(doc.publishAt).toEqual(at);
    const sent = await messagesTo(t, 'o-sched-reader');
    expect(sent).toHaveLength(1);
    // Sent from the timer's own invocation, with the timer's cloud-call token.
    expect(sent[0]).toMatchObject({ function: 'scheduler', trigger: 'timer' });

    expect(await run()).toMatchObject({ published: 0, notified: { queued: 0 }, retried: 0 });
    expect(await messagesTo(t, 'o-sched-reader')).toHaveLength(1);
    const [last] = (await auditEntries(t, 'scheduler.run')).slice(-2);
    expect(last.details).toMatchObject({ published: 1, publishedIds: [id] });
  });

  it('finishes a fan-out that a publishing call left unfinished', async () => {
    await insertSubscription(t, 'o-resume-reader');
    const { id } = await ok(admin(t, 'news.save', draft({ title: '续发通知' })));
    // As if the publishing call had stopped right after its transaction.
    await t.app
      .database()
      .collection('news')
      .doc(id)
      .update({ status: 'published', publishAt: new Date(), publishedAt: new Date(), fanOut: 'pending' });
    expect(await run()).toMatchObject({ notified: { queued: 1, sent: 1 } });
    expect(await messagesTo(t, 'o-resume-reader')).toHaveLength(1);
    const [doc] = await docs(t, 'news', { _id: id });
    expect(doc.fanOut).toBe('done');
  });
});

describe('failed notifications', () => {
  it('records a failed send, retries it up to 5 attempts, and never sends anyone twice', async () => {
    await insertSubscription(t, 'refuse-reader');
    await insertSubscription(t, 'o-happy-reader');
    const { id } = await ok(admin(t, 'news.save', draft({ title: '有人拒收的新闻' })));
    expect(await ok(admin(t, 'news.publish', { id }))).toMatchObject({
      notifications: { queued: 2, sent: 1, failed: 1 },
    });
    const failedId = (await docs(t, 'notifications', { itemId: id, touser: 'refuse-reader' }))[0]._id;
    const state = async () => (await docs(t, 'notifications', { _id: failedId }))[0];
    expect(await state()).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('43101'),
    });

    for (let attempt = 2; attempt <= 5; attempt += 1) {
      expect(await run()).toMatchObject({ retried: 1 });
      expect(await state()).toMatchObject({ status: 'failed', attempts: attempt });
    }
    expect(await run()).toMatchObject({ retried: 0 });
    expect(await state()).toMatchObject({ status: 'failed', attempts: 5 });
    expect(await messagesTo(t, 'refuse-reader')).toHaveLength(5);
    expect(await messagesTo(t, 'o-happy-reader')).toHaveLength(1);
  });

  it('cancels queued messages about an item that went offline instead of sending them', async () => {
    await insertSubscription(t, 'refuse-late');
    const { id } = await ok(admin(t, 'news.save', draft({ title: '很快下线的新闻' })));
    await ok(admin(t, 'news.publish', { id }));
    await ok(admin(t, 'news.unpublish', { id }));
    expect(await run()).toMatchObject({ cancelled: 1, retried: 0 });
    const [note] = await docs(t, 'notifications', { itemId: id });
    expect(note).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(await messagesTo(t, 'refuse-late')).toHaveLength(1);
  });
});

describe('retention', () => {
  it('deletes exactly the enquiries past retainUntil, with their files', async () => {
    const { fileID } = await t.app.uploadFile({
      cloudPath: 'enquiries/old.pdf',
      fileContent: Buffer.from('%PDF'),
    });
    const expired = [
      await insertEnquiry(t, { retainUntil: new Date(Date.now() - DAY), files: [fileID] }),
      await insertEnquiry(t, { retainUntil: new Date(Date.now() - 1000) }),
    ];
    const kept = [
      await insertEnquiry(t, { retainUntil: new Date(Date.now() + 60_000) }),
      await insertEnquiry(t, { retainUntil: new Date(Date.now() + 365 * DAY) }),
    ];
    const report = await run();
    expect(report).toMatchObject({ erased: 2, files: 1 });
    const left = (await docs(t, 'enquiries')).map((doc) => doc._id);
    expect(left).toEqual(expect.arrayContaining(kept));
    for (const id of expired) expect(left).not.toContain(id);
    const { fileList } = await t.app.getTempFileURL({ fileList: [fileID] });
    expect(fileList[0]?.code).toBe('STORAGE_FILE_NONEXIST');
    expect((await auditEntries(t, 'scheduler.run')).slice(-1)[0].details).toMatchObject({
      erased: 2,
      files: 1,
    });
    expect(await run()).toMatchObject({ erased: 0 });
  });

  it('prunes rate-limit records older than an hour and removes old exports', async () => {
    const db = t.app.database();
    await db
      .collection('rate_limits')
      .add({ _id: 'enquiry:o-old', stamps: [], updatedAt: new Date(Date.now() - 2 * 3600_000) });
    await db.collection('rate_limits').add({ _id: 'enquiry:o-recent', stamps: [], updatedAt: new Date() });
    const exported = await ok(admin(t, 'enquiries.export', {}));
    await db
      .collection('exports')
      .where({ fileId: exported.fileId })
      .update({ deleteAfter: new Date(Date.now() - 1000) });

    expect(await run()).toMatchObject({ pruned: 1, exports: 1 });
    expect((await docs(t, 'rate_limits')).map((doc) => doc._id)).toEqual(['enquiry:o-recent']);
    expect(await docs(t, 'exports', { fileId: exported.fileId })).toHaveLength(0);
    const { fileList } = await t.app.getTempFileURL({ fileList: [exported.fileId] });
    expect(fileList[0]?.code).toBe('STORAGE_FILE_NONEXIST');
  });

  it(`purges used subscriptions, finished message records and cached translations after ${MESSAGE_RECORD_RETENTION_DAYS} days`, async () => {
    const db = t.app.database();
    const old = new Date(Date.now() - (MESSAGE_RECORD_RETENTION_DAYS + 1) * DAY);
    const recent = new Date(Date.now() - (MESSAGE_RECORD_RETENTION_DAYS - 1) * DAY);
    const message = { templateId: 't', page: 'p', data: {} };
    const note = (id: string, status: string, updatedAt: Date) => ({
      _id: id,
      topic: 'news',
      itemId: 'item',
      touser: `o-purge-${id}`,
      message,
      status,
      attempts: status === 'pending' ? 0 : 1,
      createdAt: updatedAt,
      updatedAt,
    });
    await db.collection('subscriptions').add({
      _id: 'purge-old-used',
      _openid: 'o-purge-a',
      topic: 'news',
      status: 'used',
      createdAt: old,
      usedAt: old,
    });
    await db.collection('subscriptions').add({
      _id: 'purge-recent-used',
      _openid: 'o-purge-b',
      topic: 'news',
      status: 'used',
      createdAt: recent,
      usedAt: recent,
    });
    await db
      .collection('subscriptions')
      .add({ _id: 'purge-old-open', _openid: 'o-purge-c', topic: 'news', status: 'open', createdAt: old });
    for (const [id, status, at] of [
      ['purge-sent-old', 'sent', old],
      ['purge-cancelled-old', 'cancelled', old],
      ['purge-reserved-old', 'reserved', old],
      ['purge-sent-recent', 'sent', recent],
    ] as const) {
      await db.collection('notifications').add(note(id, status, at));
    }
    await db
      .collection('translations')
      .add({ _id: 'purge-translation-old', text: '旧译文', from: 'en', provider: 'tmt', createdAt: old });
    await db.collection('translations').add({
      _id: 'purge-translation-recent',
      text: '新译文',
      from: 'en',
      provider: 'tmt',
      createdAt: recent,
    });

    expect(await run()).toMatchObject({ purged: 5, errors: [] });
    const ids = async (collection: string) =>
      (await docs(t, collection)).map((doc) => doc._id as string).filter((id) => id.startsWith('purge-'));
    expect((await ids('subscriptions')).sort()).toEqual(['purge-old-open', 'purge-recent-used']);
    expect(await ids('notifications')).toEqual(['purge-sent-recent']);
    expect(await ids('translations')).toEqual(['purge-translation-recent']);
  });
});
