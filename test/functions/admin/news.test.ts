import type { RichTextElement, RichTextNode } from '../../../contract/api/content';
import { renderMarkdown } from '../../../cloudfunctions/_shared/markdown';
import type { TestCloud } from '../../harness/local-cloud';
import { seedDatabase } from '../../harness/seed';
import {
  admin,
  auditEntries,
  docs,
  draft,
  insertSubscription,
  messagesTo,
  ok,
  startStaffCloud,
  STAFF,
  type Data,
  type Envelope,
} from './support';

let t: TestCloud;

beforeAll(async () => {
  t = await startStaffCloud();
  await seedDatabase(t.app);
});
afterAll(async () => {
  await t.close();
});

const publicList = async (): Promise<string[]> => {
  const res = await t.call<Envelope<Data>>(
    'content',
    { action: 'news.list', data: { limit: 20 } },
    'o-public',
  );
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return (res.data.items as { id: string }[]).map((item) => item.id);
};
const publicGet = (id: string) =>
  t.call<Envelope<Data>>('content', { action: 'news.get', data: { id } }, 'o-public');

function elements(nodes: RichTextNode[]): RichTextElement[] {
  return nodes.flatMap((node) => ('type' in node ? [] : [node, ...elements(node.children ?? [])]));
}

function textOf(nodes: RichTextNode[]): string {
  return nodes.map((node) => ('type' in node ? node.text : textOf(node.children ?? []))).join('');
}

describe('news editor', () => {
  it('saves a new item as a draft that the public cannot see', async () => {
    const { id, status } = await ok(admin(t, 'news.save', draft({ pinned: true })));
    expect(status).toBe('draft');
    const [doc] = await docs(t, 'news', { _id: id });
    expect(doc).toMatchObject({
      status: 'draft',
      pinned: true,
      // Saved without a category: filed under the default.
      category: 'other',
      tags: ['上海', '代表团'],
      source: expect.any(Object),
    });
    expect(doc.publishAt).toBeUndefined();
    expect(await publicList()).not.toContain(id);
    expect(await publicGet(id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const list = await ok(admin(t, 'news.list', { status: 'draft' }));
    expect(list.items.map((item: { id: string }) => item.id)).toContain(id);
  });

  it('files an item under its category for the public filter; a save without one keeps it', async () => {
    const { id } = await ok(admin(t, 'news.save', draft({ category: 'knowledge' })));
    await ok(admin(t, 'news.publish', { id }));
    const knowledge = await t.call<Envelope<Data>>(
      'content',
      { action: 'news.list', data: { category: 'knowledge', limit: 20 } },
      'o-public',
    );
    expect(knowledge).toMatchObject({
      ok: true,
      data: { categories: expect.arrayContaining(['knowledge']) },
    });
    expect(knowledge.ok && knowledge.data.items.map((item: Data) => item.id)).toContain(id);
    await ok(admin(t, 'news.save', draft({ id, title: '只改标题' })));
    const [doc] = await docs(t, 'news', { _id: id });
    expect(doc).toMatchObject({ title: '只改标题', category: 'knowledge' });
    expect((await ok(admin(t, 'news.get', { id }))).item.category).toBe('knowledge');
  });

  it('previews and returns Markdown with the public renderer: sanitised, identical nodes', async () => {
    const body = '# 标题\n\n[链接](javascript:alert(1)) <img src=x onerror=alert(1)> **粗体**';
    const { nodes } = await ok(admin(t, 'news.preview', { body }));
    expect(nodes).toEqual(renderMarkdown(body));
    // No link to javascript: and no raw <img>: both stay visible as plain text.
    expect(elements(nodes).map((node) => node.name)).toEqual(['h2', 'p', 'strong']);
    expect(textOf(nodes)).toContain('&lt;img src=x onerror=alert(1)&gt;');

    const { id } = await ok(admin(t, 'news.save', draft({ body })));
    const got = await ok(admin(t, 'news.get', { id }));
    expect(got.item).toMatchObject({ id, body, status: 'draft', edited: false });
    expect(got.preview).toEqual(renderMarkdown(body));
    expect(textOf(got.preview)).toContain('粗体');
  });

  it('publishes: visible in content news.list, each subscriber gets exactly one message, then unpublish hides it', async () => {
    const subA = await insertSubscription(t, 'o-reader-a');
    const subB = await insertSubscription(t, 'o-reader-b');
    const subscribed = await t.call<Envelope<Data>>(
      'content',
      { action: 'subscribe', data: { topic: 'news' } },
      'o-reader-c',
    );
    expect(subscribed).toMatchObject({ ok: true });

    const { id } = await ok(
      admin(t, 'news.save', draft({ title: '一条标题非常非常长的新闻，用来检查订阅消息的二十字限制' })),
    );
    const published = await ok(admin(t, 'news.publish', { id }));
    expect(published).toMatchObject({
      id,
      status: 'published',
      notifications: { queued: 3, sent: 3, failed: 0 },
    });
    expect(await publicList()).toContain(id);
    expect(await publicGet(id)).toMatchObject({ ok: true, data: { id } });

    for (const reader of ['o-reader-a', 'o-reader-b', 'o-reader-c']) {
      const sent = await messagesTo(t, reader);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.request).toMatchObject({
        touser: reader,
        template_id: 'local-news-template',
        page: `pages/news-detail/index?id=${id}`,
        miniprogram_state: 'formal',
      });
      const data = sent[0]?.request.data as Record<string, { value: string }>;
      expect([...(data.thing1?.value ?? '')].length).toBeLessThanOrEqual(20);
      expect(data.time2?.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    }
    const subs = await docs(t, 'subscriptions', { _id: t.app.database().command.in([subA, subB]) });
    expect(subs.map((sub) => sub.status)).toEqual(['used', 'used']);
    const notes = await docs(t, 'notifications', { itemId: id });
    expect(notes).toHaveLength(3);
    // One message per item and reader, each recording the credit it used up.
    expect(new Set(notes.map((n) => n._id)).size).toBe(3);
    expect(notes.every((n) => n._id.startsWith(`${id}:`))).toBe(true);
    expect(notes.map((n) => n.subscriptionId)).toEqual(expect.arrayContaining([subA, subB]));
    expect(notes.every((n) => n.status === 'sent' && n.attempts === 1)).toBe(true);

    // Publishing again, and the scheduler's retry, send nothing more.
    expect(await ok(admin(t, 'news.publish', { id }))).toMatchObject({
      status: 'published',
      notifications: { queued: 0, sent: 0, failed: 0 },
    });
    await t.cloud.fireTimer('scheduler');
    for (const reader of ['o-reader-a', 'o-reader-b', 'o-reader-c']) {
      expect(await messagesTo(t, reader)).toHaveLength(1);
    }

    expect(await ok(admin(t, 'news.unpublish', { id }))).toEqual({ id, status: 'archived' });
    expect(await publicList()).not.toContain(id);
    expect(await publicGet(id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // Republishing an archived item brings it back without telling anyone again.
    await insertSubscription(t, 'o-reader-late');
    expect(await ok(admin(t, 'news.publish', { id }))).toMatchObject({ notifications: { queued: 0 } });
    expect(await publicList()).toContain(id);
    expect(await messagesTo(t, 'o-reader-late')).toHaveLength(0);
  });

  it('sends each reader one message per credit when publishes of two items race for the same readers', async () => {
    await insertSubscription(t, 'o-race-a');
    await insertSubscription(t, 'o-race-b');
    const open = await docs(t, 'subscriptions', { topic: 'news', status: 'open' });
    const first = await ok(admin(t, 'news.save', draft({ title: '并发发布一' })));
    const second = await ok(admin(t, 'news.save', draft({ title: '并发发布二' })));
    const results = await Promise.all([
      ok(admin(t, 'news.publish', { id: first.id })),
      ok(admin(t, 'news.publish', { id: second.id })),
      ok(admin(t, 'news.publish', { id: first.id })),
    ]);
    const sent = results.reduce((sum, r) => sum + r.notifications.sent, 0);
    // Every open credit was used exactly once, whichever publish got it.
    expect(sent).toBe(open.length);
    for (const reader of new Set(open.map((sub) => sub._openid as string))) {
      expect(await messagesTo(t, reader)).toHaveLength(1);
    }
    expect(await docs(t, 'subscriptions', { topic: 'news', status: 'open' })).toHaveLength(0);
  });

  it('keeps an edited published item published and marks it edited (已更新 on the public page)', async () => {
    const { id } = await ok(admin(t, 'news.save', draft()));
    await ok(admin(t, 'news.publish', { id }));
    const [before] = await docs(t, 'news', { _id: id });
    expect(await ok(admin(t, 'news.save', draft({ id, title: '修订后的标题', tags: [] })))).toEqual({
      id,
      status: 'published',
    });
    const [after] = await docs(t, 'news', { _id: id });
    expect(after).toMatchObject({ status: 'published', title: '修订后的标题', tags: [] });
    expect(after.updatedAt.getTime()).toBeGreaterThan(after.publishedAt.getTime());
    expect(after.publishedAt).toEqual(before.publishedAt);
    expect(after.publishAt).toEqual(before.publishAt);
    const got = await ok(admin(t, 'news.get', { id }));
    expect(got.item.edited).toBe(true);
    expect(await publicGet(id)).toMatchObject({ ok: true, data: { title: '修订后的标题' } });
  });

  it('schedules with a future time: the public sees nothing until then', async () => {
    const { id } = await ok(admin(t, 'news.save', draft()));
    const at = new Date(Date.now() + 60 * 60_000).toISOString();
    expect(await ok(admin(t, 'news.publish', { id, at }))).toMatchObject({
      status: 'scheduled',
      publishAt: at,
    });
    expect(await publicList()).not.toContain(id);
    await t.cloud.fireTimer('scheduler');
    expect(await publicList()).not.toContain(id);
    // A scheduled item can be taken back to draft.
    expect(await ok(admin(t, 'news.unpublish', { id }))).toEqual({ id, status: 'draft' });
    const [doc] = await docs(t, 'news', { _id: id });
    expect(doc.publishAt).toBeUndefined();
  });

  it('refuses to turn a published item into a scheduled one', async () => {
    const { id } = await ok(admin(t, 'news.save', draft()));
    await ok(admin(t, 'news.publish', { id }));
    const at = new Date(Date.now() + 3600_000).toISOString();
    expect(await admin(t, 'news.publish', { id, at })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await admin(t, 'news.unpublish', { id: 'missing-id' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('deletes softly: the item stays stored but is gone for staff and public', async () => {
    const { id } = await ok(admin(t, 'news.save', draft()));
    await ok(admin(t, 'news.publish', { id }));
    expect(await ok(admin(t, 'news.delete', { id }))).toEqual({ id });
    const [doc] = await docs(t, 'news', { _id: id });
    expect(doc).toMatchObject({ status: 'deleted', deletedAt: expect.any(Date) });
    expect(await publicList()).not.toContain(id);
    expect(await admin(t, 'news.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const all = await ok(admin(t, 'news.list', {}));
    expect(all.items.map((item: { id: string }) => item.id)).not.toContain(id);
    expect(await admin(t, 'news.delete', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('pages the staff list with a cursor, without repeats', async () => {
    for (let i = 0; i < 25; i += 1) await ok(admin(t, 'news.save', draft({ title: `分页 ${i}` })));
    const seen: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const page = await ok(admin(t, 'news.list', cursor ? { cursor } : {}));
      seen.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThanOrEqual(2);
    const stored = await docs(t, 'news', { status: t.app.database().command.neq('deleted') });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(stored.map((doc) => doc._id).sort());
  });

  it('answers bad input with INVALID_ARGUMENT and a message per field', async () => {
    const res = await admin(t, 'news.save', {
      title: '',
      summary: 'x'.repeat(201),
      body: '正文',
      tags: ['a', 'a'],
      category: '代表团来访',
      pinned: 'yes',
      cover: { fileId: 'https://evil.example/x.png', alt: '封面' },
      extra: 1,
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_ARGUMENT');
    expect(Object.keys(res.error.fields ?? {}).sort()).toEqual(
      ['category', 'cover.fileId', 'extra', 'pinned', 'summary', 'tags', 'title'].sort(),
    );
    expect(res.error.fields?.category).toBe('请选择类别');
    expect(res.error.fields?.title).toBe('请填写标题');
    expect(res.error.fields?.['cover.fileId']).toMatch(/cloud:\/\//);

    const publish = await admin(t, 'news.publish', { id: 'bad id!', at: 'tomorrow' });
    expect(publish).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { id: expect.any(String), at: expect.any(String) } },
    });
    const farAhead = new Date(Date.now() + 400 * 24 * 3600_000).toISOString();
    expect(await admin(t, 'news.publish', { id: 'x', at: farAhead })).toMatchObject({
      ok: false,
      error: { fields: { at: '定时发布最多可提前 366 天' } },
    });
    expect(await admin(t, 'news.list', { status: 'deleted' })).toMatchObject({
      ok: false,
      error: { fields: { status: expect.any(String) } },
    });
  });

  it('records who did what to which item, and when, for every change', async () => {
    const { id } = await ok(admin(t, 'news.save', draft()));
    await ok(admin(t, 'news.publish', { id }));
    await ok(admin(t, 'news.unpublish', { id }));
    await ok(admin(t, 'news.delete', { id }));
    for (const action of ['news.save', 'news.publish', 'news.unpublish', 'news.delete']) {
      const entries = (await auditEntries(t, action)).filter((entry) => entry.target === `news/${id}`);
      expect({ action, entries: entries.length }).toEqual({ action, entries: 1 });
      expect(entries[0]).toMatchObject({ actor: STAFF, action, at: expect.any(Date) });
    }
    const [publish] = (await auditEntries(t, 'news.publish')).filter(
      (entry) => entry.target === `news/${id}`,
    );
    expect(publish.details).toMatchObject({ from: 'draft', to: 'published' });
  });
});
