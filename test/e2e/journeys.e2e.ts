/**
 * The main journeys through the mini program, in the browser preview, in a real Chromium:
 * reading the news, finding an opportunity and its attachment, sending an enquiry, and a staff
 * member publishing a news item. Every page visited is checked (nothing the preview cannot
 * render, no page error) and photographed into test/e2e/screenshots/.
 */
import { callFunction, journeySuite, type RunningApp, Session, STAFF_OPENID } from './harness';

const VISITOR = 'o-e2e-visitor';
/** An opportunity of the seed (category `research`), given a PDF attachment for the journey. */
const OPPORTUNITY_ID = 'opp-research-partners';
const ATTACHMENT_NAME = '科研合作申请指南.pdf';

const suite = journeySuite();

const { session } = suite;

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

test('opportunities: filter by category → detail → open the attachment', async () => {
  await attachPdf(suite.app, OPPORTUNITY_ID, ATTACHMENT_NAME);
  const user = await session(VISITOR, 'opportunities');
  await user.tap('#tab-opportunities');
  await user.arrive('pages/opportunities/index', 'opportunities');
  const all = await user.page.locator('wx=.opportunities__item').count();

  await user.wx('#categories').getByText('科研合作', { exact: true }).click();
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
  await user.wx('#field-topic').getByText('科研合作', { exact: true }).click();
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
  // The category first: the preview, unlike WeChat, loses a tap made while a text field still has focus.
  await staff.wx('#field-category').click();
  const categories = staff.page.locator('[data-preview-dialog="picker"]');
  await categories.locator('select').selectOption({ label: '知识交流与互访' });
  await categories.locator('[data-preview-picker="confirm"]').click();
  await staff.waitForText('#category-value', '知识交流与互访');

  const title = `奥胡斯创新周代表团 ${Date.now().toString(36)}`;
  await staff.wx('#field-title >> input').fill(title);
  await staff.wx('#field-summary >> textarea').fill('上海创新企业代表团将于下月访问奥胡斯，参加创新周活动。');
  await staff.wx('#field-tags >> input').fill('创新周');
  await staff
    .wx('#field-body >> textarea')
    .fill(
      '## 活动安排\n\n代表团将参观**奥胡斯大学**与当地创新企业，并与大区政府座谈。\n\n- 第一天：大学参访\n- 第二天：企业交流',
    );
  await staff.waitForText('#preview-body', '活动安排');
  await staff.snap('news-written');

  await staff.tap('#publish');
  await staff.waitForText('#sheet-card', title);
  await staff.tap('#sheet-confirm');
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

const PARTNER = 'o-e2e-partner';
/** A second staff member, added by name, who answers in English. */
const REPLIER = { openId: 'o-e2e-anne', name: 'Anne Madsen' };
const REF = /^CDR-\d{8}-\d{3,}$/;

/** A China day `days` from today, as the date picker takes it. */
function chinaDayFromNow(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 24 * 3600_000).toISOString().slice(0, 10);
}

/** Picks `day` in the `<picker mode="date">` whose content is `selector`. */
async function pickDate(user: Session, selector: string, day: string): Promise<void> {
  await user.wx(selector).click();
  const sheet = user.page.locator('[data-preview-dialog="picker"]');
  await sheet.locator('input').fill(day);
  await sheet.locator('[data-preview-picker="confirm"]').click();
  await user.settle();
}

/** Submits the filled form, then on the success page reads the reference and subscribes to the reply. */
async function submitAndSubscribe(user: Session, name: string): Promise<string> {
  await user.tap('#submit');
  await user.arrive('packages/enquiry/pages/success/index', `${name}-success`);
  const reference = await user.text('#reference');
  expect(reference).toMatch(REF);
  await user.wx('#subscribe-replies').click();
  await user.page.locator('[data-preview-dialog="subscribe"] [data-preview-modal="confirm"]').click();
  await user.page.locator('[data-preview-toast]').filter({ hasText: '订阅成功' }).waitFor();
  await user.waitForText('#subscribe-replies', '已订阅回复提醒');
  await user.snap(`${name}-subscribed`);
  return reference;
}

/** The caller's enquiry with reference `ref`, through the local cloud as the mini program asks for it. */
async function enquiryByRef(ref: string): Promise<{ id: string; kind: string }> {
  const { items } = await callFunction<{ items: { id: string; ref: string; kind: string }[] }>(
    suite.app,
    'enquiry',
    { action: 'mine', data: {} },
    PARTNER,
  );
  const found = items.find((item) => item.ref === ref);
  if (!found) throw new Error(`no enquiry ${ref} in 我的咨询`);
  return found;
}

async function outbox(): Promise<{ api: string; request: Record<string, unknown> }[]> {
  return (await fetch(`${suite.app.url}/_local/outbox`)).json() as Promise<
    { api: string; request: Record<string, unknown> }[]
  >;
}

test('conversation: a visit request and an enquiry with CDR- references, subscribed; staff translate and reply in English; the partner reads it', async () => {
  await callFunction(
    suite.app,
    'admin',
    { action: 'staff.add', data: { openId: REPLIER.openId, name: REPLIER.name } },
    STAFF_OPENID,
  );
  const partner = await session(PARTNER, 'conversation');

  // A visit request from the home page.
  await partner.tap('#visit-link');
  await partner.arrive('packages/enquiry/pages/form/index', 'visit-form');
  await partner.wx('#field-name >> input').fill('王芳');
  await partner.wx('#field-organization >> input').fill('上海市人民政府外事办公室');
  await partner.wx('#field-wechatId >> input').fill('wangfang_sh');
  await pickDate(partner, '#field-visitFrom', chinaDayFromNow(30));
  await pickDate(partner, '#field-visitTo', chinaDayFromNow(33));
  await partner.wx('#field-groupSize >> input').fill('12');
  await partner.wx('#field-sectors').getByText('科研合作', { exact: true }).click();
  await partner.wx('#field-institutions >> textarea').fill('奥胡斯大学、奥胡斯大学医院');
  await partner.wx('#field-topic').getByText('知识交流与互访', { exact: true }).click();
  await partner
    .wx('#field-message >> textarea')
    .fill('上海代表团计划访问中日德兰大区，交流医疗与教育合作经验。');
  await partner.tap('#consent-privacy');
  await partner.tap('#consent-cross-border');
  await partner.snap('visit-form-filled');
  const visitRef = await submitAndSubscribe(partner, 'visit');

  // The success page copies the reference after the privacy popup.
  await partner.wx('#copy-reference').click();
  await partner.wx('#privacy-popup-agree').waitFor();
  await partner.tap('#privacy-popup-agree');
  await partner.page.locator('[data-preview-toast]').filter({ hasText: '编号已复制' }).waitFor();

  // A general enquiry from the contact tab, with last time's contact details offered.
  await partner.page.locator('#preview-home').click();
  await partner.settle();
  await partner.tap('#tab-contact');
  await partner.arrive('pages/contact/index', 'contact');
  await partner.tap('#to-enquiry');
  await partner.arrive('packages/enquiry/pages/form/index', 'form-offer');
  await partner.waitForText('#last-contact-summary', '王芳 · 上海市人民政府外事办公室');
  await partner.tap('#use-last-contact');
  await partner.wx('#field-topic').getByText('科研合作', { exact: true }).click();
  const question = '我们希望与奥胡斯大学开展联合研究，请问如何对接？';
  await partner.wx('#field-message >> textarea').fill(question);
  await partner.tap('#consent-privacy');
  await partner.tap('#consent-cross-border');
  const enquiryRef = await submitAndSubscribe(partner, 'enquiry');
  expect(enquiryRef).not.toBe(visitRef);
  const enquiry = await enquiryByRef(enquiryRef);
  const visit = await enquiryByRef(visitRef);
  expect(visit.kind).toBe('visit');

  // Staff, in English: the inbox's visit filter, a machine translation, a reply written in English.
  const staff = await session(REPLIER.openId, 'conversation-staff');
  await staff.tap('#tab-contact');
  await staff.arrive('pages/contact/index', 'contact');
  await staff.tap('#staff-entry-cell');
  await staff.arrive('packages/admin/pages/home/index', 'admin-home');
  await staff.tap('#lang-en');
  await staff.tap('#to-enquiries');
  await staff.arrive('packages/admin/pages/enquiries/index', 'inbox');
  await staff.tap('#kind-visit');
  await staff.waitForText(`#enquiry-${visit.id}`, visitRef);
  expect(await staff.page.locator(`wx=#enquiry-${enquiry.id}`).count()).toBe(0);
  await staff.snap('inbox-visits');
  await staff.tap('#kind-all');
  await staff.tap(`#enquiry-${enquiry.id}`);
  await staff.arrive('packages/admin/pages/enquiry/index', 'enquiry');
  expect(await staff.text('#enquiry-ref')).toBe(enquiryRef);

  await staff.tap('#translate-message');
  await staff.waitForText('#message-translation', 'Machine translation');
  await staff.waitForText('#message-translation', question);
  await staff.tap('#reply-lang-en');
  const original = 'Dear Ms Wang, Aarhus University would be glad to talk. We will send you the contacts.';
  await staff.wx('#reply-original >> textarea').fill(original);
  // Typing scrolled the page to the box: a tap before the scroll has come to rest would only stop it.
  await staff.settle();
  await staff.tap('#translate-reply');
  await staff.waitForText('#machine-draft', 'Machine translation: check and edit');
  const edited = '王女士您好：奥胡斯大学很乐意与您沟通，我们会把联系人发给您。';
  await staff.wx('#reply-body >> textarea').fill(edited);
  await staff.snap('reply-drafted');
  await staff.tap('#send-reply');
  await staff.waitForText('#replies', edited);
  await staff.waitForText('#replies', REPLIER.name);
  await staff.snap('reply-sent');

  // Exactly one notification, to the partner, for the one reply on the subscribed enquiry.
  const sent = (await outbox()).filter(
    (call) => call.api === 'subscribeMessage.send' && call.request.touser === PARTNER,
  );
  expect(sent).toHaveLength(1);
  expect(sent[0]?.request).toMatchObject({
    template_id: 'local-reply-template',
    page: `packages/enquiry/pages/detail/index?id=${enquiry.id}`,
  });

  // The partner's 我的咨询 and detail: the reply in Chinese under the staff member's name.
  await partner.page.locator('#preview-home').click();
  await partner.settle();
  await partner.tap('#tab-contact');
  await partner.arrive('pages/contact/index', 'contact');
  await partner.tap('#to-mine');
  await partner.arrive('packages/enquiry/pages/mine/index', 'mine');
  await partner.waitForText(`#enquiry-${enquiry.id}`, enquiryRef);
  await partner.waitForText(`#enquiry-${enquiry.id}`, '办公室已回复');
  await partner.tap(`#enquiry-${enquiry.id}`);
  await partner.arrive('packages/enquiry/pages/detail/index', 'detail');
  await partner.waitForText('#timeline', `${REPLIER.name} 回复`);
  await partner.waitForText('#timeline', edited);
  await partner.waitForText('#timeline', '机器翻译');
  expect(await partner.text('#reference')).toBe(enquiryRef);
  expect(await partner.text('#response-time')).toMatch(/通常在 \d+ 个工作日内答复/);

  // The same pages in the dark colour scheme.
  const dark = await session(PARTNER, 'conversation-dark', 'dark');
  await dark.tap('#visit-link');
  await dark.arrive('packages/enquiry/pages/form/index', 'visit-form');
  await dark.page.locator('#preview-home').click();
  await dark.settle();
  await dark.tap('#tab-contact');
  await dark.arrive('pages/contact/index', 'contact');
  await dark.tap('#to-mine');
  await dark.arrive('packages/enquiry/pages/mine/index', 'mine');
  await dark.tap(`#enquiry-${visit.id}`);
  await dark.arrive('packages/enquiry/pages/detail/index', 'visit-detail');
  await dark.waitForText('#visit', '12 人');
  const darkStaff = await session(REPLIER.openId, 'conversation-staff-dark', 'dark');
  await darkStaff.tap('#tab-contact');
  await darkStaff.arrive('pages/contact/index', 'contact');
  await darkStaff.tap('#staff-entry-cell');
  await darkStaff.arrive('packages/admin/pages/home/index', 'admin-home');
  await darkStaff.tap('#lang-zh');
  await darkStaff.tap('#to-enquiries');
  await darkStaff.arrive('packages/admin/pages/enquiries/index', 'inbox');
  await darkStaff.tap(`#enquiry-${enquiry.id}`);
  await darkStaff.arrive('packages/admin/pages/enquiry/index', 'enquiry');
  await darkStaff.waitForText('#replies', edited);
}, 240_000);

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
  const { category, title, summary, body: text, audience, availability, deadline, availabilityNote } = item;
  await callFunction(
    app,
    'admin',
    {
      action: 'opportunities.save',
      data: {
        id,
        category,
        title,
        summary,
        body: text,
        audience,
        availability,
        ...(deadline ? { deadline } : {}),
        ...(availabilityNote ? { availabilityNote } : {}),
        participation: item.participation,
        contact: item.contact,
        attachments: [{ fileId: meta.data.fileId, name, sizeBytes: body.length }],
      },
    },
    STAFF_OPENID,
  );
}
