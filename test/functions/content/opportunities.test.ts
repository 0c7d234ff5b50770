import { MOU_STCSM_ID } from '../../../cloudbase/seed/documents';
import type { OpportunityListItem, RichTextElement, RichTextNode } from '../../../contract/api/content';
import type { Opportunity, RegionDocument } from '../../../contract/models';
import { startTestCloud, type TestCloud } from '../../harness/local-cloud';
import { opportunity, SEED, seedDatabase } from '../../harness/seed';
import { contentClient, failure, ok } from './client';

const PAGE_SIZE = 10;

/** A seeded opportunity: expected content comes from the seed module, not copied wording. */
function seeded(id: string): Opportunity {
  const item = SEED.opportunities.find((candidate) => candidate._id === id);
  if (!item) throw new Error(`no seeded opportunity ${id}`);
  return item;
}
const DAY_MS = 24 * 3600_000;

let t: TestCloud;
let content: ReturnType<typeof contentClient>;
let attachmentFileId: string;
let documentFileId: string;

/** 12 more research opportunities: pairs share a publish time, so only the id orders them. */
const EXTRA: Opportunity[] = Array.from({ length: 12 }, (_, i) =>
  opportunity({
    _id: `opp-page-${String(i).padStart(2, '0')}`,
    category: 'research',
    publishedAt: new Date(Date.UTC(2021, 0, 1 + Math.floor(i / 2))),
  }),
);

const HIDDEN: Opportunity[] = [
  opportunity({ _id: 'opp-hidden-draft', status: 'draft', publishedAt: undefined }),
  opportunity({ _id: 'opp-hidden-archived', status: 'archived' }),
  opportunity({ _id: 'opp-hidden-deleted', status: 'deleted' }),
  opportunity({ _id: 'opp-hidden-future', publishedAt: new Date(Date.now() + 30 * DAY_MS) }),
  opportunity({ _id: 'opp-hidden-undated', publishedAt: undefined }),
];

/** The newest two: one closed, one whose deadline has passed; neither is one to take part in now. */
const ENDED: Opportunity[] = [
  opportunity({
    _id: 'opp-ended-closed',
    category: 'business',
    availability: 'closed',
    publishedAt: new Date('2025-03-01T00:00:00Z'),
  }),
  opportunity({
    _id: 'opp-ended-expired',
    category: 'business',
    availability: 'open_until',
    deadline: new Date('2025-06-30T15:59:59Z'),
    publishedAt: new Date('2025-02-01T00:00:00Z'),
  }),
];

const DOC_WITH_FILE: RegionDocument = {
  ...SEED.documents[0]!,
  _id: 'doc-with-file',
  title: '带文件的文件',
  fileId: '',
};

function listOrder(items: Opportunity[]): string[] {
  return [...items]
    .sort(
      (a, b) =>
        (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) ||
        (a._id < b._id ? 1 : a._id > b._id ? -1 : 0),
    )
    .map((item) => item._id);
}

async function listAll(type?: string): Promise<OpportunityListItem[][]> {
  const pages: OpportunityListItem[][] = [];
  let cursor: string | undefined;
  do {
    const data = { ...(type ? { type } : {}), ...(cursor ? { cursor } : {}) };
    const page = ok(await content.call('opportunities.list', data as { type?: Opportunity['category'] }));
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
    if (pages.length > 50) throw new Error('the cursor never ends');
  } while (cursor);
  return pages;
}

function elements(nodes: RichTextNode[]): RichTextElement[] {
  return nodes.flatMap((node) => ('type' in node ? [] : [node, ...elements(node.children ?? [])]));
}

beforeAll(async () => {
  t = await startTestCloud();
  content = contentClient(t);
  attachmentFileId = (
    await t.app.uploadFile({ cloudPath: 'opportunity-files/call.pdf', fileContent: Buffer.from('%PDF-call') })
  ).fileID;
  documentFileId = (
    await t.app.uploadFile({ cloudPath: 'opportunity-files/mou.pdf', fileContent: Buffer.from('%PDF-mou') })
  ).fileID;
  const withFiles = opportunity({
    _id: 'opp-with-files',
    category: 'culture',
    publishedAt: new Date('2019-01-01T00:00:00Z'),
    availability: 'open_until',
    deadline: new Date('2030-06-30T15:59:59Z'),
    availabilityNote: '以通知为准',
    participation: 'contact',
    body: '## 申请\n\n- 填写表格\n- 发送邮件',
    attachments: [
      { fileId: attachmentFileId, name: '申请指南.pdf', sizeBytes: 9 },
      { fileId: 'cloud://local.local-bucket/opportunity-files/gone.pdf', name: '已删除.pdf' },
    ],
    documentIds: ['doc-with-file', 'doc-that-does-not-exist', MOU_STCSM_ID],
    contact: { name: '王老师', email: 'wang@example.cn' },
  });
  await seedDatabase(t.app, {
    ...SEED,
    opportunities: [...SEED.opportunities, ...EXTRA, ...HIDDEN, ...ENDED, withFiles],
    documents: [...SEED.documents, { ...DOC_WITH_FILE, fileId: documentFileId }],
  });
});
afterAll(async () => {
  await t.close();
});

const visible = () => [
  ...SEED.opportunities,
  ...EXTRA,
  ...ENDED,
  opportunity({ _id: 'opp-with-files', category: 'culture', publishedAt: new Date('2019-01-01T00:00:00Z') }),
];

describe('opportunities.list', () => {
  it('pages through every published opportunity, newest first, each once', async () => {
    const pages = await listAll();
    const ids = pages.flat().map((item) => item.id);
    expect(ids).toEqual(listOrder(visible()));
    expect(pages.map((page) => page.length)).toEqual([PAGE_SIZE, 8]);
    for (const hidden of HIDDEN) expect(ids).not.toContain(hidden._id);
  });

  it('answers the list shape: category, audience and availability, no body', async () => {
    const items = (await listAll()).flat();
    const visits = seeded('opp-study-visits');
    expect(items.find((item) => item.id === 'opp-study-visits')).toEqual({
      id: 'opp-study-visits',
      category: 'knowledge',
      title: visits.title,
      summary: visits.summary,
      audience: visits.audience,
      availability: 'by_arrangement',
      deadline: null,
      publishedAt: visits.publishedAt?.toISOString(),
      dateLabel: expect.any(String),
    });
    expect(items.find((item) => item.id === 'opp-with-files')).toMatchObject({
      availability: 'open_until',
      deadline: '2030-06-30T15:59:59.000Z',
    });
    expect(JSON.stringify(items)).not.toContain('"body"');
  });

  it('answers an opportunity whose deadline has passed as closed, keeping the date it closed', async () => {
    const items = (await listAll()).flat();
    expect(items.find((item) => item.id === 'opp-ended-expired')).toMatchObject({
      availability: 'closed',
      deadline: '2025-06-30T15:59:59.000Z',
    });
    expect(items.find((item) => item.id === 'opp-ended-closed')).toMatchObject({
      availability: 'closed',
      deadline: null,
    });
  });

  it('features on the home page only what one can take part in now', async () => {
    const home = ok(await content.call('home', {}));
    const featured = home.featuredOpportunities.map((item) => item.id);
    expect(featured).toEqual(['opp-page-11', 'opp-page-10', 'opp-page-09']);
    expect(featured).not.toContain('opp-ended-closed');
    expect(featured).not.toContain('opp-ended-expired');
  });

  it('filters by category', async () => {
    const research = (await listAll('research')).flat().map((item) => item.id);
    expect(research).toEqual(listOrder(visible().filter((item) => item.category === 'research')));
    expect(research).toHaveLength(13);
    expect((await listAll('knowledge')).flat().map((item) => item.id)).toEqual(['opp-study-visits']);
    expect(await listAll('other')).toEqual([[]]);
  });

  it.each([
    ['an unknown type', 'grants'],
    ['a retired opportunity kind', 'mou'],
    ['an operator object', { $ne: null }],
    ['a list', ['research']],
    ['padding', ' research'],
  ])('refuses %s as type', async (_what, type) => {
    const error = failure(await content.raw({ action: 'opportunities.list', data: { type } }));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { type: '类别不正确' } });
  });

  it('refuses a tampered cursor, and a news cursor', async () => {
    const real = ok(await content.call('opportunities.list', {})).nextCursor ?? '';
    const newsCursor = ok(await content.call('news.list', { limit: 1 })).nextCursor ?? '';
    for (const cursor of [
      real.slice(0, -2),
      newsCursor,
      Buffer.from('[{"d":1},{"$gt":""}]').toString('base64url'),
    ]) {
      const error = failure(await content.raw({ action: 'opportunities.list', data: { cursor } }));
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { cursor: expect.any(String) } });
    }
  });

  it('refuses unknown keys', async () => {
    const error = failure(await content.raw({ action: 'opportunities.list', data: { limit: 50 } }));
    expect(error.fields).toEqual({ limit: '不支持的字段' });
  });
});

describe('opportunities.get', () => {
  it('answers an opportunity with its body rendered, who it is for, how to take part and whom to ask', async () => {
    const seededItem = seeded('opp-study-visits');
    const item = ok(await content.call('opportunities.get', { id: 'opp-study-visits' }));
    expect(item).toMatchObject({
      id: 'opp-study-visits',
      category: 'knowledge',
      audience: seededItem.audience,
      availability: 'by_arrangement',
      availabilityNote: seededItem.availabilityNote,
      participation: 'visit',
      attachments: [],
      documents: [],
    });
    expect(
      elements(item.body)
        .filter((node) => node.name === 'h3')
        .map((node) => node.children),
    ).toEqual(
      seededItem.body
        .split('\n\n')
        .filter((block) => block.startsWith('## '))
        .map((heading) => [{ type: 'text', text: heading.slice('## '.length) }]),
    );
    expect(elements(item.body).filter((node) => node.name === 'h3')).toHaveLength(1);
    expect(elements(item.body).filter((node) => node.name === 'li')).toHaveLength(3);
    const person = SEED.profile[0]!.contact;
    expect(item.contact).toEqual({
      name: person.name,
      title: person.title,
      email: person.email,
      phone: person.mobile.display,
    });
    expect(item.source.title).toBe(seededItem.source.title);
  });

  it('gives attachments and document files temporary download URLs, in the order listed', async () => {
    const item = ok(await content.call('opportunities.get', { id: 'opp-with-files' }));
    expect(item).toMatchObject({ availabilityNote: '以通知为准', participation: 'contact' });
    expect(item.attachments).toEqual([
      {
        name: '申请指南.pdf',
        sizeBytes: 9,
        fileId: attachmentFileId,
        url: expect.stringMatching(/_local\/files\//),
      },
      {
        name: '已删除.pdf',
        sizeBytes: null,
        fileId: 'cloud://local.local-bucket/opportunity-files/gone.pdf',
        url: null,
      },
    ]);
    const download = await fetch(item.attachments[0]?.url ?? '');
    expect(await download.text()).toBe('%PDF-call');
    const mou = SEED.documents.find((doc) => doc._id === MOU_STCSM_ID)!;
    expect(item.documents.map((doc) => [doc.id, doc.title, doc.availability, doc.hasFile])).toEqual([
      ['doc-with-file', DOC_WITH_FILE.title, DOC_WITH_FILE.availability, true],
      [MOU_STCSM_ID, mou.title, mou.availability, false],
    ]);
    expect(item.documents[1]?.url).toBeNull();
    expect(await (await fetch(item.documents[0]?.url ?? '')).text()).toBe('%PDF-mou');
    expect(item.contact).toEqual({ name: '王老师', email: 'wang@example.cn' });
  });

  it.each(HIDDEN.map((item) => [item._id]))('is NOT_FOUND for %s', async (id) => {
    expect(failure(await content.call('opportunities.get', { id }))).toEqual({
      code: 'NOT_FOUND',
      message: '内容不存在或已下线',
    });
  });

  it('refuses an operator object as id', async () => {
    const error = failure(
      await content.raw({ action: 'opportunities.get', data: { id: { $exists: true } } }),
    );
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { id: '编号不正确' } });
  });
});
