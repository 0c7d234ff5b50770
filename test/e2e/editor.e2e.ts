/**
 * The news editor's journey in the browser preview, in light and in dark: a staff member writes a
 * news item with the formatting toolbar (a heading, a link to an in-app page, an image uploaded
 * into the body with its description), checks it in the publish sheet and publishes it; a reader
 * opens it, sees the image and taps the link. Every page is checked and photographed.
 */
import { journeySuite, Session, STAFF_OPENID } from './harness';

const READER = 'o-e2e-editor-reader';
const BODY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const suite = journeySuite();

const { session } = suite;

/** Answers the open editable dialog (the preview's stand-in for `wx.showModal({ editable })`). */
async function answerDialog(user: Session, text: string): Promise<void> {
  const input = user.page.locator('.preview-modal__input');
  await input.waitFor();
  await input.fill(text);
  await user.page.locator('[data-preview-modal="confirm"]').click();
  await user.settle();
}

test.each(['light', 'dark'] as const)(
  'editor (%s): toolbar with a body image and a link, publish sheet, a reader sees the image and taps the link',
  async (scheme) => {
    const staff = await session(STAFF_OPENID, `editor-${scheme}`, scheme);
    await staff.tap('#tab-contact');
    await staff.arrive('pages/contact/index', 'contact');
    await staff.tap('#staff-entry-cell');
    await staff.arrive('packages/admin/pages/home/index', 'admin-home');
    await staff.tap('#to-news');
    await staff.arrive('packages/admin/pages/news/index', 'admin-news');
    await staff.tap('#create');
    await staff.arrive('packages/admin/pages/news-edit/index', 'news-edit');

    const title = `奥胡斯创新周（${scheme}）${Date.now().toString(36)}`;
    await staff.wx('#field-title >> input').fill(title);
    await staff.wx('#field-summary >> textarea').fill('上海创新企业代表团将访问奥胡斯，参加创新周活动。');
    await staff.wx('#field-body >> textarea').fill('活动安排\n\n代表团将参观大学与企业。\n\n联系我们：');
    await staff.settle();

    // The link goes where the cursor was: the end of the body, as typed.
    await staff.wx('#format-link').click();
    await answerDialog(staff, '/pages/contact/index');

    // The first image asks for privacy consent (chooseMedia), then the file, then its description.
    await staff.wx('#format-image').click();
    await staff.wx('#privacy-popup-agree').waitFor();
    const chooser = staff.page.waitForEvent('filechooser');
    await staff.wx('#privacy-popup-agree').click();
    await (await chooser).setFiles({ name: 'visit.png', mimeType: 'image/png', buffer: BODY_PNG });
    await answerDialog(staff, '代表团在奥胡斯大学');
    await staff.wx('#preview-body >> [class*="md-body__image"]').waitFor();

    const body = await staff.wx('#field-body >> textarea').inputValue();
    expect(body).toContain('联系我们：[链接文字](/pages/contact/index)');
    expect(body).toMatch(/!\[代表团在奥胡斯大学\]\(cloud:\/\/[^)]+\/news-covers\/body-[^)]+\.png\)/);
    await staff.waitForText('#preview-body', '链接文字');
    await staff.snap('editor-toolbar-written');

    await staff.tap('#publish');
    await staff.wx('#sheet-card').waitFor();
    await staff.waitForText('#sheet-card', title);
    await staff.waitForText('#sheet-opening', '代表团将参观大学与企业');
    await staff.snap('editor-publish-sheet');
    await staff.tap('#sheet-confirm');
    await staff.waitForText('#item-status', '已发布');
    await staff.snap('editor-published');

    const reader = await session(READER, `editor-reader-${scheme}`, scheme);
    await reader.tap('#tab-news');
    await reader.arrive('pages/news/index', 'news');
    await reader.waitForText('.news-card', title);
    await reader.page.locator('wx=.news-card').filter({ hasText: title }).first().click();
    await reader.settle();
    await reader.arrive('pages/news-detail/index', 'news-detail-with-image');
    await reader.wx('#news-body >> [class*="md-body__image"]').waitFor();
    await reader.tap('#news-body >> [class*="md-a "]');
    await reader.arrive('pages/contact/index', 'link-opened-contact');
  },
);

test('editor in English: the no-Chinese warning, the schedule labels, a refused publish explained beside the button', async () => {
  const staff = await session(STAFF_OPENID, 'editor-en');
  await staff.tap('#tab-contact');
  await staff.arrive('pages/contact/index', 'contact');
  await staff.tap('#staff-entry-cell');
  await staff.arrive('packages/admin/pages/home/index', 'admin-home');
  await staff.tap('#lang-en');
  await staff.tap('#to-news');
  await staff.arrive('packages/admin/pages/news/index', 'admin-news-en');
  await staff.tap('#create');
  await staff.arrive('packages/admin/pages/news-edit/index', 'news-edit-en');

  await staff.wx('#field-title >> input').fill('Innovation week in Aarhus');
  await staff.settle();
  await staff.waitForText('#warning-title', 'The title has no Chinese');
  expect(await staff.text('#schedule-date')).toBe('Date: Choose');

  await staff.tap('#publish');
  await staff.waitForText('#error-actions', 'Correct first: Summary, Body');
  expect(await staff.text('#error-actions')).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
  await staff.snap('editor-en-refused');
});
