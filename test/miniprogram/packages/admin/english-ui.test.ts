import fs from 'node:fs';
import path from 'node:path';
import type { WxMock } from '../../../harness/simulate';
import { MINIPROGRAM_DIR } from '../../../../tools/build/paths';
import { en } from '../../../../miniprogram/packages/admin/i18n/en';
import { callOk, cloudCaller, ENQUIRY_PAGE, installWxAs, loadedPage, SHARED_STAFF, until } from './helpers';

/**
 * The staff pages in English carry no Chinese outside what people wrote. Every page under
 * `packages/admin/pages/` is opened in English as staff, on the seeded shared cloud plus an enquiry
 * with a note and a reply, and its rendered text, and the titles, toasts and dialogs it shows, are
 * searched for CJK characters (ideographs, CJK and full-width punctuation such as `：`).
 *
 * What people wrote (a news title, an enquiry's message, a colleague's name) is marked in the
 * page's WXML with the class `user-content` and is left out; so is text shown on purpose in its
 * own language (the language switch's 中文), marked `own-language`, and the public pages' view
 * of an item shown to staff as readers will see it (the editor's preview), marked `reader-view`.
 * Nothing else is exempt.
 */

const ADMIN_PAGES = path.join(MINIPROGRAM_DIR, 'packages/admin/pages');
/** Ideographs, CJK symbols and punctuation, full-width forms, kana and Hangul would all be leaks. */
const CJK =
  /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;
/** Marker classes (as written in WXML; the DOM scopes them as `<owner>--user-content`). */
const EXEMPT = ['user-content', 'own-language', 'reader-view'];

interface DomElement {
  readonly childNodes: ArrayLike<DomElement>;
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly classList?: ArrayLike<string>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function exempt(element: DomElement): boolean {
  return Array.from(element.classList ?? []).some((name) =>
    EXEMPT.some((marker) => name === marker || name.endsWith(`--${marker}`)),
  );
}

/** The page's text outside user content, one entry per text node. */
function visibleTexts(element: DomElement, into: string[] = []): string[] {
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      const text = (child.textContent ?? '').trim();
      if (text) into.push(text);
    } else if (child.nodeType === ELEMENT_NODE && !exempt(child)) {
      visibleTexts(child, into);
    }
  }
  return into;
}

/** What the page said through wx: navigation bar titles, toasts, dialogs. */
function spokenTexts(wx: WxMock): string[] {
  const args = (mock: jest.Mock) =>
    mock.mock.calls.map(([options]) => (options ?? {}) as Record<string, unknown>);
  return [
    ...args(wx.setNavigationBarTitle).map((options) => options.title),
    ...args(wx.showToast).map((options) => options.title),
    ...args(wx.showModal).flatMap((options) => [
      options.title,
      options.content,
      options.confirmText,
      options.cancelText,
    ]),
  ].filter((text): text is string => typeof text === 'string' && text !== '');
}

const leaks = (texts: string[]) => texts.filter((text) => CJK.test(text));

// ---- representative data ----------------------------------------------------------------------

const run = Date.now().toString(36);
const staffCall = cloudCaller(SHARED_STAFF);

interface Fixtures {
  enquiryId: string;
  newsId: string;
  opportunityId: string;
}

let fixtures: Fixtures;

beforeAll(async () => {
  const sender = `o-english-ui-${run}`;
  const { id: enquiryId } = await callOk<{ id: string }>(cloudCaller(sender), 'enquiry', 'submit', {
    requestId: `english-ui-${run}`,
    name: '王小明',
    organization: `上海测试大学 ${run}`,
    title: '国际合作处处长',
    email: 'wang@example.cn',
    phone: '+86 138 0000 0000',
    topic: 'research',
    message: '我们希望与中日德兰大区的大学开展科研合作，请联系我们。',
    consent: { privacy: true, crossBorder: true },
  });
  await callOk(staffCall, 'admin', 'enquiries.update', {
    id: enquiryId,
    status: 'in_progress',
    note: '已电话联系',
  });
  await callOk(staffCall, 'admin', 'enquiries.reply', {
    id: enquiryId,
    body: '感谢您的来信，我们会尽快回复。',
  });
  const news = await callOk<{ items: { id: string }[] }>(staffCall, 'admin', 'news.list');
  const opportunities = await callOk<{ items: { id: string }[] }>(staffCall, 'admin', 'opportunities.list');
  const newsId = news.items[0]?.id;
  const opportunityId = opportunities.items[0]?.id;
  if (!newsId || !opportunityId) throw new Error('the seeded cloud has no news or opportunities');
  fixtures = { enquiryId, newsId, opportunityId };
});

type Query = Record<string, string>;
/** A page opened without a query. */
const PLAIN: Query = {};

/** Each staff page with the queries that show its states with data; a new page needs an entry. */
const VISITS: Record<string, (f: Fixtures) => Query[]> = {
  home: () => [PLAIN],
  news: () => [PLAIN],
  'news-edit': (f) => [PLAIN, { id: f.newsId }],
  opportunities: () => [PLAIN],
  'opportunity-edit': (f) => [PLAIN, { id: f.opportunityId }],
  'profile-edit': () => [PLAIN],
  enquiries: () => [PLAIN],
  enquiry: (f) => [{ id: f.enquiryId }],
  staff: () => [PLAIN],
  join: () => [PLAIN, { code: 'ABCDE23456' }],
};

const pages = fs
  .readdirSync(ADMIN_PAGES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** English texts shown in Chinese on purpose: the language switch's label, for a reader of Chinese. */
const OWN_LANGUAGE_KEYS = ['home.language'];

/** Every string of a dictionary, by its dotted key. */
function entries(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    entries(value, prefix ? `${prefix}.${key}` : key),
  );
}

it('has an English dictionary without Chinese (what no page shows in its text, e.g. placeholders, too)', () => {
  const chinese = entries(en).filter(([key, text]) => CJK.test(text) && !OWN_LANGUAGE_KEYS.includes(key));
  expect(chinese).toEqual([]);
});

it('knows how to open every staff page', () => {
  expect(pages.filter((name) => !(name in VISITS))).toEqual([]);
});

describe.each(pages)('the staff page %s in English', (name) => {
  it('shows no Chinese outside user content', async () => {
    const visits = VISITS[name]?.(fixtures) ?? [];
    for (const query of visits) {
      const wx = installWxAs(SHARED_STAFF, 'en');
      const page = await loadedPage(`packages/admin/pages/${name}/index`, query);
      await until(() => page.data.status !== 'loading', { message: `${name} did not finish loading` });
      const found = [
        ...leaks(visibleTexts(page.root.dom as unknown as DomElement)),
        ...leaks(spokenTexts(wx)),
      ];
      expect({ query, found }).toEqual({ query, found: [] });
    }
  });
});

it('opens the enquiry fixture on its page (the walk saw real data)', async () => {
  installWxAs(SHARED_STAFF, 'en');
  const page = await loadedPage(ENQUIRY_PAGE, { id: fixtures.enquiryId });
  await until(() => page.data.status === 'ready');
  expect(JSON.stringify(page.data)).toContain('科研合作');
});
