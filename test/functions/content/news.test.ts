import type { NewsListItem, RichTextElement, RichTextNode } from '../../../contract/api/content';
import { CATEGORIES } from '../../../contract/constants';
import type { Category, NewsItem } from '../../../contract/models';
import { startTestCloud, type TestCloud } from '../../harness/local-cloud';
import { newsItem, SEED, seedDatabase } from '../../harness/seed';
import { until } from '../../harness/until';
import { contentClient, failure, invalidFields, ok } from './client';

const PAGE_TAG = '分页测试';
const DAY_MS = 24 * 3600_000;

let t: TestCloud;
let content: ReturnType<typeof contentClient>;
let coverFileId: string;

/**
 * 45 more published items: 15 days with 3 items each (equal publishAt, so only the id orders them),
 * two of them pinned, every fourth tagged, every fifth about research; a few share the seed's own
 * publish time.
 */
const EXTRA: NewsItem[] = Array.from({ length: 45 }, (_, i) => {
  const id = `news-page-${String(i).padStart(2, '0')}`;
  const publishAt =
    i >= 42 ? new Date('2016-03-01T00:00:00Z') : new Date(Date.UTC(2021, 0, 1 + Math.floor(i / 3)));
  return newsItem({
    _id: id,
    publishAt,
    pinned: i === 5 || i === 30,
    category: i % 5 === 0 ? 'research' : 'other',
    tags: i % 4 === 0 ? [PAGE_TAG, '其他'] : ['其他'],
  });
});

const future = new Date(Date.now() + 30 * DAY_MS);
const past = new Date('2020-06-01T00:00:00Z');

/** Items the public must never see, by why. */
const HIDDEN: NewsItem[] = [
  newsItem({ _id: 'hidden-draft', status: 'draft', publishAt: undefined, pinned: true, tags: [PAGE_TAG] }),
  newsItem({ _id: 'hidden-draft-dated', status: 'draft', publishAt: past, tags: [PAGE_TAG] }),
  newsItem({ _id: 'hidden-scheduled', status: 'scheduled', publishAt: future, tags: [PAGE_TAG] }),
  // Scheduled whose time has come but which the scheduler has not published yet: still not public.
  newsItem({ _id: 'hidden-scheduled-due', status: 'scheduled', publishAt: past }),
  newsItem({ _id: 'hidden-future', status: 'published', publishAt: future, pinned: true, tags: [PAGE_TAG] }),
  // The only culture item: a category whose items are all hidden is not offered.
  newsItem({
    _id: 'hidden-archived',
    status: 'archived',
    publishAt: past,
    category: 'culture',
    tags: [PAGE_TAG],
  }),
  newsItem({ _id: 'hidden-deleted', status: 'deleted', publishAt: past, pinned: true, tags: [PAGE_TAG] }),
];

/** The public list order: pinned first, then newest publishAt, then _id, all descending. */
function listOrder(items: NewsItem[]): string[] {
  return [...items]
    .sort(
      (a, b) =>
        Number(b.pinned) - Number(a.pinned) ||
        (b.publishAt?.getTime() ?? 0) - (a.publishAt?.getTime() ?? 0) ||
        (a._id < b._id ? 1 : a._id > b._id ? -1 : 0),
    )
    .map((item) => item._id);
}

async function listAll(input: {
  limit?: number;
  tag?: string;
  category?: Category;
}): Promise<{ ids: string[]; pages: NewsListItem[][] }> {
  const pages: NewsListItem[][] = [];
  let cursor: string | undefined;
  do {
    const page = ok(await content.call('news.list', { ...input, ...(cursor ? { cursor } : {}) }));
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
    if (pages.length > 200) throw new Error('the cursor never ends');
  } while (cursor);
  return { ids: pages.flat().map((item) => item.id), pages };
}

function elements(nodes: RichTextNode[]): RichTextElement[] {
  return nodes.flatMap((node) => ('type' in node ? [] : [node, ...elements(node.children ?? [])]));
}

beforeAll(async () => {
  t = await startTestCloud();
  content = contentClient(t);
  const upload = await t.app.uploadFile({
    cloudPath: 'news-covers/cover.png',
    fileContent: Buffer.from('cover-bytes'),
  });
  coverFileId = upload.fileID;
  const withFiles = newsItem({
    _id: 'news-with-files',
    // 02:30 on 6 May in China: the day shown is China's.
    publishAt: new Date('2019-05-05T18:30:00Z'),
    cover: { fileId: coverFileId, alt: '封面' },
    body: `## 图片\n\n![图](${coverFileId})\n\n![不存在](cloud://local.local-bucket/news-covers/missing.png)\n\n[链接](javascript:alert(1))`,
  });
  await seedDatabase(t.app, { ...SEED, news: [...SEED.news, ...EXTRA, ...HIDDEN, withFiles] });
});
afterAll(async () => {
  await t.close();
});

const visible = () => [
  ...SEED.news,
  ...EXTRA,
  newsItem({ _id: 'news-with-files', publishAt: new Date('2019-05-05T18:30:00Z') }),
];

describe('news.list', () => {
  it('answers the first page, pinned first, with the list shape', async () => {
    const page = ok(await content.call('news.list', {}));
    expect(page.items).toHaveLength(10);
    expect(page.items.map((item) => item.id)).toEqual(listOrder(visible()).slice(0, 10));
    const pinned = page.items.filter((item) => item.pinned).map((item) => item.id);
    // The seed pins nothing: its items are from 2013 and 2016.
    expect(pinned).toEqual(['news-page-30', 'news-page-05']);
    expect(page.items[2]).toEqual({
      id: 'news-page-41',
      title: '标题 news-page-41',
      summary: '摘要 news-page-41',
      cover: null,
      category: 'other',
      tags: ['其他'],
      pinned: false,
      publishAt: '2021-01-14T00:00:00.000Z',
      // No label stored: the day, in China time.
      dateLabel: '2021年1月14日',
    });
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it.each([1, 7, 20])(
    'pages to the end with limit %i: every item once, in order, none skipped',
    async (limit) => {
      const { ids, pages } = await listAll({ limit });
      expect(ids).toEqual(listOrder(visible()));
      expect(new Set(ids).size).toBe(ids.length);
      for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
      expect(pages[pages.length - 1]?.length).toBeGreaterThan(0);
    },
  );

  it('ends with a null cursor on a last page that is exactly full: no empty page to fetch', async () => {
    const total = listOrder(visible()).length;
    const limit = [20, 19, 18, 17, 16, 15, 14, 13, 12, 11].find((size) => total % size === 0) ?? 1;
    const { pages } = await listAll({ limit });
    expect(pages).toHaveLength(total / limit);
    expect(pages.every((page) => page.length === limit)).toBe(true);
  });

  it('filters by tag (exact match), across pages', async () => {
    const { ids } = await listAll({ tag: PAGE_TAG, limit: 5 });
    expect(ids).toEqual(listOrder(EXTRA.filter((item) => item.tags.includes(PAGE_TAG))));
    const friendship = await listAll({ tag: '友城关系' });
    expect(friendship.ids.length).toBeGreaterThan(0);
    expect(friendship.ids.sort()).toEqual(
      SEED.news
        .filter((item) => item.tags.includes('友城关系'))
        .map((item) => item._id)
        .sort(),
    );
    expect((await listAll({ tag: '友城' })).ids).toEqual([]);
    expect((await listAll({ tag: '.*' })).ids).toEqual([]);
  });

  it('filters by category, across pages', async () => {
    const { ids } = await listAll({ category: 'research', limit: 4 });
    expect(ids).toEqual(listOrder(visible().filter((item) => item.category === 'research')));
    expect(ids).toHaveLength(9);
    const knowledge = SEED.news.filter((item) => item.category === 'knowledge').map((item) => item._id);
    expect((await listAll({ category: 'knowledge' })).ids).toEqual(knowledge);
    expect((await listAll({ category: 'culture' })).ids).toEqual([]);
  });

  it('names on every first page, filtered or not, each category with published items, and on no later page', async () => {
    const published = new Set(visible().map((item) => item.category));
    const expected = CATEGORIES.filter((category) => published.has(category));
    expect(expected).not.toContain('culture');
    expect(expected).toContain('research');
    const first = ok(await content.call('news.list', { limit: 2 }));
    // Every category, not only those of the two items loaded.
    expect(first.categories).toEqual(expected);
    expect(new Set(first.items.map((item) => item.category)).size).toBeLessThan(expected.length);
    expect(ok(await content.call('news.list', { category: 'knowledge' })).categories).toEqual(expected);
    const second = ok(await content.call('news.list', { limit: 2, cursor: first.nextCursor ?? '' }));
    expect(second.categories).toBeUndefined();
  });

  it.each([
    ['an unknown category', 'education'],
    ['an operator object', { $ne: null }],
    ['a list', ['research']],
    ['padding', ' research'],
  ])('refuses %s as category', async (_what, category) => {
    const error = failure(await content.raw({ action: 'news.list', data: { category } }));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { category: '类别不正确' } });
  });

  it('trims the tag before matching', async () => {
    expect((await listAll({ tag: `  ${PAGE_TAG} ` })).ids).toHaveLength(12);
  });

  it('never lists drafts, scheduled, future, archived or deleted items', async () => {
    const { ids } = await listAll({ limit: 20 });
    const tagged = await listAll({ tag: PAGE_TAG, limit: 20 });
    for (const hidden of HIDDEN) {
      expect(ids).not.toContain(hidden._id);
      expect(tagged.ids).not.toContain(hidden._id);
    }
  });

  it('lists an item once its publish time has come, without anyone touching it', async () => {
    const soon = newsItem({ _id: 'news-soon', publishAt: new Date(Date.now() + 1500), pinned: true });
    await seedDatabase(t.app, { news: [soon] });
    const first = async () => ok(await content.call('news.list', { limit: 1 })).items[0]?.id;
    expect(await first()).not.toBe('news-soon');
    // The function runs on the real clock (in a worker), so the list is asked again until the time comes.
    await until(async () => (await first()) === 'news-soon', {
      intervalMs: 100,
      message: 'the item was not listed once its publish time came',
    });
    await t.app.database().collection('news').doc('news-soon').remove();
  });

  it.each([0, 21, -1, 2.5, '10', null, { $gt: 0 }])('refuses limit %p', async (limit) => {
    const error = failure(await content.raw({ action: 'news.list', data: { limit } }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.fields).toEqual({ limit: '每页数量须为 1–20 之间的整数' });
  });

  it.each([
    ['an operator object', { $ne: null }],
    ['a regex-looking object', { $regex: '.*' }],
    ['a list', ['a']],
    ['a number', 1],
    ['an empty string', '  '],
    ['a very long string', '标'.repeat(31)],
    ['control characters', 'a\u0000b'],
  ])('refuses %s as tag', async (_what, tag) => {
    expect(invalidFields(await content.raw({ action: 'news.list', data: { tag } }))).toEqual(['tag']);
  });

  it('refuses unknown keys', async () => {
    const error = failure(await content.raw({ action: 'news.list', data: { limit: 5, status: 'draft' } }));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { status: '不支持的字段' } });
  });

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['garbage', 'bm90LWpzb24'],
    ['truncated', 'TRUNCATED'],
    ['the wrong number of values', encode([true, { d: 0 }])],
    ['values of the wrong type', encode([1, { d: 0 }, 'news-page-01'])],
    ['a date that is no number', encode([false, { d: 'yesterday' }, 'news-page-01'])],
    ['an operator object as id', encode([false, { d: Date.now() }, { $ne: null }])],
    ['an id of the wrong form', encode([false, { d: Date.now() }, 'a b/c'])],
    ['not base64url', 'abc+/=='],
    ['an object', { $gt: '' }],
  ])('refuses a tampered cursor: %s', async (_what, cursor) => {
    const real = ok(await content.call('news.list', { limit: 2 })).nextCursor ?? '';
    const value = cursor === 'TRUNCATED' ? real.slice(0, -3) : cursor;
    expect(invalidFields(await content.raw({ action: 'news.list', data: { cursor: value } }))).toEqual([
      'cursor',
    ]);
  });
});

describe('news.get', () => {
  it('answers a published item with its body rendered', async () => {
    const item = ok(await content.call('news.get', { id: 'news-2013-10th-anniversary' }));
    expect(item).toMatchObject({
      id: 'news-2013-10th-anniversary',
      title: '中日德兰大区与上海市迎来友城关系协议签署十周年',
      dateLabel: '2013年',
      publishAt: '2013-01-01T00:00:00.000Z',
      source: { title: 'Central Denmark Region and Shanghai', asOf: '2016年' },
    });
    expect(item.body.map((node) => ('name' in node ? node.name : 'text'))).toEqual(['p', 'p', 'h3', 'p']);
    expect(item.body[2]).toEqual({
      name: 'h3',
      attrs: { class: 'md-h3' },
      children: [{ type: 'text', text: '协议的管理与愿景' }],
    });
  });

  it('resolves cloud files to temporary URLs: the cover and body images, leaving out missing files and unsafe links', async () => {
    const item = ok(await content.call('news.get', { id: 'news-with-files' }));
    expect(item.dateLabel).toBe('2019年5月6日');
    expect(item.cover?.alt).toBe('封面');
    const images = elements(item.body).filter((node) => node.name === 'img');
    expect(images).toHaveLength(1);
    expect(images[0]?.attrs.alt).toBe('图');
    for (const url of [item.cover?.url, images[0]?.attrs.src]) {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_local\/files\//);
      const res = await fetch(url ?? '');
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('cover-bytes');
    }
    expect(JSON.stringify(item.body)).not.toContain('cloud://');
    expect(elements(item.body).filter((node) => node.name === 'a')).toEqual([]);
    const listed = await listAll({ limit: 20 });
    expect(listed.pages.flat().find((entry) => entry.id === 'news-with-files')?.cover?.url).toMatch(
      /_local\/files\//,
    );
  });

  it.each(HIDDEN.map((item) => [item._id, item.status]))('is NOT_FOUND for %s (%s)', async (id) => {
    const error = failure(await content.call('news.get', { id }));
    expect(error).toEqual({ code: 'NOT_FOUND', message: '内容不存在或已下线' });
  });

  it('is NOT_FOUND for an id that does not exist', async () => {
    expect(failure(await content.call('news.get', { id: 'no-such-news' })).code).toBe('NOT_FOUND');
  });

  it.each([
    ['an operator object', { $ne: null }],
    ['a regex object', { $regex: 'news' }],
    ['a list', ['news-current-mous']],
    ['an empty string', ''],
    ['a path-like string', '../profile/region'],
  ])('refuses %s as id', async (_what, id) => {
    expect(invalidFields(await content.raw({ action: 'news.get', data: { id } }))).toEqual(['id']);
  });

  it('refuses a missing id and unknown keys', async () => {
    expect(failure(await content.raw({ action: 'news.get', data: {} })).fields).toHaveProperty('id');
    const error = failure(
      await content.raw({ action: 'news.get', data: { id: 'news-current-mous', preview: true } }),
    );
    expect(error.fields).toEqual({ preview: '不支持的字段' });
  });
});
