/**
 * The main journeys through the mini program, in the browser preview, in a real Chromium:
 * reading the news, finding an opportunity and its attachment, sending an enquiry, and a staff
 * member publishing a news item. Every page visited is checked (nothing the preview cannot
 * render, no page error) and photographed into test/e2e/screenshots/.
 */
import type { Browser } from 'playwright-core';
import { STAFF_OPENID, Session, clearScreenshots, launchBrowser, startApp, type RunningApp } from './harness';

const VISITOR = 'o-e2e-visitor';
/** An opportunity of the seed (kind `research`), given a PDF attachment for the journey. */
const OPPORTUNITY_ID = 'opp-research-collaboration';
const ATTACHMENT_NAME = '科研合作申请指南.pdf';

let app: RunningApp;
let browser: Browser;
const sessions: Session[] = [];

async function session(
  openid: string,
  journey: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Session> {
  const opened = await Session.open(browser, app, openid, journey, colorScheme);
  sessions.push(opened);
  return opened;
}

beforeAll(async () => {
  clearScreenshots();
  app = await startApp();
  browser = await launchBrowser();
}, 180_000);

afterEach(async () => {
  for (const opened of sessions.splice(0)) {
    try {
      await opened.assertClean();
    } finally {
      await opened.close();
    }
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

test('browse: home → news → a news item', async () => {
  const user = await session(VISITOR, 'news');
  await user.arrive('pages/home/index', 'home');
  expect(await user.text('#intro')).toContain('中日德兰大区');

  await user.tap('#tab-news');
  await user.arrive('pages/news/index', 'news');
  const title = await user.text('.news-card__title');
  expect(title).not.toBe('');

  await user.tap('.news-card');
  await user.arrive('pages/news-detail/index', 'news-detail');
  expect(await user.text('#news-title')).toBe(title);
  expect((await user.text('#news-body')).length).toBeGreaterThan(20);
});

test('opportunities: filter by kind → detail → open the attachment', async () => {
  await attachPdf(app, OPPORTUNITY_ID, ATTACHMENT_NAME);
  const user = await session(VISITOR, 'opportunities');
  await user.tap('#tab-opportunities');
  await user.arrive('pages/opportunities/index', 'opportunities');
  const all = await user.page.locator('wx=.opportunities__item').count();

  await user.wx('#kinds').getByText('科研合作', { exact: true }).click();
  // Settling also waits for the tab strip to stop scrolling: a tap during a scroll only stops it.
  await user.settle();
  await user.page.waitForFunction((before) => {
    const items = (window as unknown as { __preview: { query(s: string): Element[] } }).__preview.query(
      '.opportunities__item',
    );
    return items.length > 0 && items.length < before;
  }, all);
  expect(await user.text('.opportunities__item')).toContain('科研合作');
  await user.snap('opportunities-research');

  await user.tap(`#opportunity-${OPPORTUNITY_ID}`);
  await user.arrive('pages/opportunity-detail/index', 'opportunity-detail');
  expect(await user.text('#attachments')).toContain(ATTACHMENT_NAME);

  const [viewer] = await Promise.all([user.context.waitForEvent('page'), user.tap('#attachment-0')]);
  await viewer.waitForLoadState();
  expect(viewer.url()).toMatch(/^blob:/);
  expect(await viewer.evaluate(() => document.contentType)).toBe('application/pdf');
  await viewer.close();
  await user.page.locator('[data-preview-notice="document"]').waitFor();
  await user.snap('attachment-opened');
});

test('enquiry: field errors, fixed, submitted, listed under 我的咨询', async () => {
  const user = await session(VISITOR, 'enquiry');
  await user.tap('#tab-contact');
  await user.arrive('pages/contact/index', 'contact');
  await user.tap('#to-enquiry');
  await user.arrive('packages/enquiry/pages/form/index', 'form');

  // Wrong: nothing but a malformed email and a too-short message.
  await user.wx('#field-email >> input').fill('not-an-email');
  await user.wx('#field-message >> textarea').fill('太短了');
  await user.tap('#submit');
  await user.waitForText('#field-name', '请填写姓名');
  await user.waitForText('#field-email', '邮箱格式不正确');
  await user.waitForText('#error-message', '咨询内容至少需要 10 个字');
  await user.waitForText('#error-topic', '请选择咨询类别');
  await user.waitForText('#error-privacy', '请阅读并同意《隐私说明》');
  expect(await user.route()).toBe('packages/enquiry/pages/form/index');
  await user.snap('form-errors');

  // Fixed.
  const organization = `奥胡斯测试大学 ${Date.now().toString(36)}`;
  await user.wx('#field-name >> input').fill('李雷');
  await user.wx('#field-organization >> input').fill(organization);
  await user.wx('#field-email >> input').fill('li.lei@example.cn');
  await user.wx('#field-topic').getByText('科研与教育', { exact: true }).click();
  await user
    .wx('#field-message >> textarea')
    .fill('我们希望与中日德兰大区的大学开展联合研究项目，请问如何申请？');
  await user.tap('#consent-privacy');
  await user.tap('#consent-cross-border');
  await user.settle();
  expect(await user.page.locator('wx=.enquiry-form__error').filter({ hasText: /\S/ }).count()).toBe(0);
  await user.snap('form-filled');

  await user.tap('#submit');
  await user.arrive('packages/enquiry/pages/success/index', 'success');
  const reference = await user.text('#reference');
  expect(reference).not.toBe('');

  await user.tap('#to-mine');
  await user.arrive('packages/enquiry/pages/mine/index', 'mine');
  await user.waitForText('.my-enquiries__item', organization);
  expect(await user.text('.my-enquiries__item')).toContain(reference);
});

test('staff: write and publish a news item, then read it on the public news list', async () => {
  const staff = await session(STAFF_OPENID, 'staff');
  await staff.tap('#tab-contact');
  await staff.arrive('pages/contact/index', 'contact');
  await staff.tap('#staff-entry-cell');
  await staff.arrive('packages/admin/pages/home/index', 'admin-home');
  await staff.tap('#to-news');
  await staff.arrive('packages/admin/pages/news/index', 'admin-news');
  await staff.tap('#create');
  await staff.arrive('packages/admin/pages/news-edit/index', 'news-edit');

  const title = `奥胡斯创新周代表团 ${Date.now().toString(36)}`;
  await staff.wx('#field-title >> input').fill(title);
  await staff.wx('#field-summary >> textarea').fill('上海创新企业代表团将于下月访问奥胡斯，参加创新周活动。');
  await staff.wx('#field-tags >> input').fill('代表团来访');
  await staff
    .wx('#field-body >> textarea')
    .fill(
      '## 活动安排\n\n代表团将参观**奥胡斯大学**与当地创新企业，并与大区政府座谈。\n\n- 第一天：大学参访\n- 第二天：企业交流',
    );
  await staff.waitForText('#preview-body', '活动安排');
  await staff.snap('news-written');

  await staff.tap('#publish');
  await staff.waitForText('#item-status', '已发布');
  await staff.snap('news-published');

  await staff.page.locator('#preview-home').click();
  await staff.settle();
  await staff.tap('#tab-news');
  await staff.arrive('pages/news/index', 'public-news');
  await staff.waitForText('.news-card', title);
});

/** A 1 × 1 px PNG, as a photo picked from the album would arrive. */
const COVER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

// The listener of the privacy popup is global: the contact page's popup registers it first, so
// the news editor must show a popup of its own or the picker waits on a page not on screen.
test.each([
  { scheme: 'light', lang: 'en', title: 'Privacy notice', agree: 'Agree', body: 'To choose an image' },
  { scheme: 'dark', lang: 'zh', title: '隐私保护提示', agree: '同意', body: '选择图片需要您先阅读并同意' },
] as const)(
  'staff ($scheme, $lang): the first cover upload asks for privacy consent on the editor and then completes',
  async ({ scheme, lang, title, agree, body }) => {
    const staff = await session(STAFF_OPENID, `staff-privacy-${scheme}`, scheme);
    await staff.tap('#tab-contact');
    await staff.arrive('pages/contact/index', 'contact');
    await staff.tap('#staff-entry-cell');
    await staff.arrive('packages/admin/pages/home/index', 'admin-home');
    await staff.tap(`#lang-${lang}`);
    await staff.tap('#to-news');
    await staff.arrive('packages/admin/pages/news/index', 'admin-news');
    await staff.tap('#create');
    await staff.arrive('packages/admin/pages/news-edit/index', 'news-edit');

    // Not `tap`: that waits for the page's handler, which is held until the staff member agrees.
    await staff.wx('#choose-cover').click();
    await staff.wx('#privacy-popup-agree').waitFor();
    expect(await staff.text('#privacy-popup-title')).toBe(title);
    expect(await staff.text('#privacy-popup-agree')).toBe(agree);
    await staff.waitForText('.privacy-popup__body', body);
    await staff.snap('privacy-popup');

    const chooser = staff.page.waitForEvent('filechooser');
    await staff.wx('#privacy-popup-agree').click();
    await (await chooser).setFiles({ name: 'cover.png', mimeType: 'image/png', buffer: COVER_PNG });
    await staff.wx('#cover-image').waitFor();
    await staff.wx('#privacy-popup-agree').waitFor({ state: 'hidden' });
    await staff.settle();
    expect(await staff.wx('#choose-cover').innerText()).not.toMatch(/Uploading|上传中/);
    await staff.snap('cover-uploaded');
  },
);

test('platform prompts: privacy, clipboard, phone call, share card, pull-down refresh', async () => {
  const user = await session(VISITOR, 'platform');
  await user.tap('#tab-contact');
  await user.arrive('pages/contact/index', 'contact');
  const email = await user.text('#email');

  // A privacy-scoped API waits for the app's own privacy popup, as under __usePrivacyCheck__.
  await user.tap('#copy-email');
  await user.wx('#privacy-popup-agree').waitFor();
  await user.snap('privacy-popup');
  await user.tap('#privacy-popup-agree');
  await user.page.locator('[data-preview-toast]').filter({ hasText: '已复制' }).waitFor();
  expect(await actions(user, '复制到剪贴板')).toContain(email);

  await user.tap('#call');
  await user.page.locator('[data-preview-dialog="phone-call"] [data-preview-sheet-index="0"]').click();
  expect((await actions(user, '拨打电话')).length).toBe(1);

  await user.page.locator('#preview-menu').click();
  await user.page.locator('#preview-share').click();
  const card = user.page.locator('[data-preview-notice="share"]');
  await card.waitFor();
  expect(await card.innerText()).toContain('/pages/contact/index');
  await user.snap('share-card');

  await user.tap('#tab-news');
  await user.arrive('pages/news/index', 'news');
  await user.page.locator('#preview-menu').click();
  await user.page.locator('#preview-refresh').click();
  await user.page.locator('[data-preview-refreshing]').waitFor({ state: 'detached' });
  await user.snap('news-refreshed');
});

/** What the preview logged for platform actions of `kind` (the panel beside the phone). */
async function actions(user: Session, kind: string): Promise<string[]> {
  return user.page.evaluate(
    (wanted) =>
      (window as unknown as { __preview: { actions: { kind: string; detail: string }[] } }).__preview.actions
        .filter((action) => action.kind === wanted)
        .map((action) => action.detail),
    kind,
  );
}

// ---------------------------------------------------------------------------------------------
// Fixtures, set up through the local cloud's HTTP surface as staff would through their pages

async function callFunction<T>(app: RunningApp, name: string, event: unknown, openid: string): Promise<T> {
  const response = await fetch(`${app.url}/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(event),
  });
  const answer = (await response.json()) as { ok: boolean; data: T; error?: unknown };
  if (!answer.ok) throw new Error(`${name} ${JSON.stringify(event)}: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

/** A one-page PDF, enough for Chromium's viewer. */
function pdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 20 50 Td (${text}) Tj ET`;
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
      '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
      '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>> endobj',
      `4 0 obj <</Length ${stream.length}>> stream\n${stream}\nendstream endobj`,
      '5 0 obj <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>> endobj',
      'trailer <</Root 1 0 R>>',
      '%%EOF',
    ].join('\n'),
  );
}

/** Uploads a PDF to cloud storage and attaches it to a published opportunity, as staff. */
async function attachPdf(app: RunningApp, id: string, name: string): Promise<void> {
  const body = pdf('Research collaboration guide');
  const meta = await fetch(`${app.url}/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      action: 'storage.getUploadMetadata',
      path: `opportunity-files/e2e-${Date.now()}.pdf`,
    }),
  }).then((response) => response.json() as Promise<{ data: { url: string; fileId: string } }>);
  const put = await fetch(meta.data.url, { method: 'PUT', body: new Uint8Array(body) });
  if (!put.ok) throw new Error(`upload failed: ${put.status}`);
  const { item } = await callFunction<{ item: Record<string, unknown> }>(
    app,
    'admin',
    { action: 'opportunities.get', data: { id } },
    STAFF_OPENID,
  );
  const { kind, title, summary, body: text, open, deadline, contact } = item;
  await callFunction(
    app,
    'admin',
    {
      action: 'opportunities.save',
      data: {
        id,
        kind,
        title,
        summary,
        body: text,
        open,
        ...(deadline ? { deadline } : {}),
        contact,
        attachments: [{ fileId: meta.data.fileId, name, sizeBytes: body.length }],
      },
    },
    STAFF_OPENID,
  );
}
