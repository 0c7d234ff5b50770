/**
 * Everything public is editable, in the browser preview: a staff member edits a timeline entry, a
 * focus area and an MoU document and chooses the office on the map, and readers see each change on
 * the public pages (home, focus area, about, contact). The contact page tells a reader in China the
 * time difference, the language and the response time. Photographed in light and dark.
 */
import { journeySuite, Session, STAFF_OPENID } from './harness';

type Scheme = 'light' | 'dark';

const READER = 'o-e2e-profile-reader';

const suite = journeySuite();

const { session } = suite;

/** Scrolls the top page until `selector` shows, then photographs it. */
async function snapAt(user: Session, selector: string, name: string): Promise<void> {
  await user.wx(selector).scrollIntoViewIfNeeded();
  await user.snap(name);
}

/**
 * Types into a field and leaves it, as the keyboard closes on a phone. In the preview a tap that
 * lands while a field still has the focus can be taken by the field's blur (seen in this journey).
 */
async function type(staff: Session, field: string, value: string): Promise<void> {
  await staff.wx(field).fill(value);
  await staff.wx(field).blur();
  await staff.settle();
}

/** The preview's back button, as a reader taps WeChat's. */
async function back(user: Session): Promise<void> {
  await user.page.locator('#preview-back').click();
  await user.settle();
}

/** From the contact tab through the staff entry to the profile editor. */
async function openProfileEditor(staff: Session, scheme: Scheme): Promise<void> {
  await staff.tap('#tab-contact');
  await staff.arrive('pages/contact/index', `contact-${scheme}`);
  await staff.tap('#staff-entry-cell');
  await staff.arrive('packages/admin/pages/home/index', `admin-home-${scheme}`);
  await staff.tap('#to-profile');
  await staff.arrive('packages/admin/pages/profile-edit/index', `profile-edit-${scheme}`);
}

/** Opens a part by its tab and waits for `shown`, an element only that part has. */
async function openPart(staff: Session, label: string, shown: string): Promise<void> {
  const tab = staff.wx('#part-tabs').getByText(label, { exact: true });
  // A tap while the tab strip still scrolls only stops the scroll, as on a phone.
  await tab.scrollIntoViewIfNeeded();
  await staff.settle();
  await tab.click();
  await staff.settle();
  await staff.wx(shown).waitFor();
}

/** Taps `button` and waits for the editor's confirmation (a toast shown for 1.5 s), then photographs. */
async function saveWith(staff: Session, button: string, name: string): Promise<void> {
  const confirmed = staff.page
    .locator('[data-preview-toast]')
    .filter({ hasText: '已保存，读者页面已更新' })
    .waitFor({ timeout: 10_000 });
  await staff.tap(button);
  try {
    await confirmed;
  } catch (error) {
    await staff.page
      .locator('#preview-phone')
      .screenshot({ path: `test/e2e/screenshots/FAILED-${name}.png` });
    throw error;
  }
  await staff.snap(name);
}

test('staff edit a timeline entry, a focus area, a document and the office’s place; readers see each', async () => {
  const run = Date.now().toString(36);
  const areaSummary = `上海代表团来访，交流医疗养老与食品安全经验（${run}）。`;
  const areaParagraph = `双方在医疗与养老、食品安全等领域交流经验（${run}）。`;
  const documentTitle = `中日德兰大区与上海市谅解备忘录（修订 ${run}）`;

  const staff = await session(STAFF_OPENID, 'profile-edit', 'light');
  await openProfileEditor(staff, 'light');

  await openPart(staff, '大事记', '#timeline');
  // The second entry, retitled and moved to the top.
  const firstTitle = await staff.wx('#entry-0-title >> input').inputValue();
  const entryTitle = `${await staff.wx('#entry-1-title >> input').inputValue()}（${run}）`;
  await type(staff, '#entry-1-title >> input', entryTitle);
  await staff.tap('#entry-1-up');
  expect(await staff.wx('#entry-0-title >> input').inputValue()).toBe(entryTitle);
  await saveWith(staff, '#save', 'timeline-saved');

  await openPart(staff, '重点领域', '#areas');
  await staff.tap('#area-knowledge');
  await type(staff, '#field-focusArea_summary >> input', areaSummary);
  await type(
    staff,
    '#field-focusArea_paragraphs >> textarea',
    `${areaParagraph}\n\n上海代表团经常到访中日德兰大区。`,
  );
  await saveWith(staff, '#save', 'focus-area-saved');

  await openPart(staff, '合作文件', '#documents');
  await type(staff, '#document-0-title >> input', documentTitle);
  await saveWith(staff, '#document-0-save', 'document-saved');

  await openPart(staff, '联系人', '#location');
  await snapAt(staff, '#location', 'contact-part');
  // Not `tap`: that waits for the page's handler, which the privacy popup holds until agreed.
  await staff.wx('#choose-location').click();
  await staff.wx('#privacy-popup-agree').waitFor();
  await staff.snap('location-privacy');
  await staff.wx('#privacy-popup-agree').click();
  const sheet = staff.page.locator('[data-preview-dialog="choose-location"]');
  await sheet.waitFor();
  await staff.snap('choose-location');
  await sheet.getByText(/维堡（Viborg）市中心/).click();
  await staff.settle();
  expect(await staff.text('#location-line')).toMatch(/^已选位置：56\.\d+, 9\.\d+$/);
  await saveWith(staff, '#save', 'contact-saved');

  // Readers, in a session of their own.
  const reader = await session(READER, 'profile-public', 'light');
  await reader.arrive('pages/home/index', 'home');
  await snapAt(reader, '#timeline', 'home-timeline');
  const titles = await reader.page.locator('wx=#timeline .timeline__title').allInnerTexts();
  // The moved entry now comes first, the former first one second.
  expect(titles[0]).toContain(entryTitle);
  expect(titles[1]).toContain(firstTitle);
  await snapAt(reader, '#focus-knowledge', 'home-focus-areas');
  expect(await reader.text('#focus-knowledge')).toContain(areaSummary);

  await reader.tap('#focus-knowledge');
  await reader.arrive('pages/focus-area/index', 'focus-area');
  expect(await reader.text('.page')).toContain(areaParagraph);

  await back(reader);
  await reader.tap('#about-link');
  await reader.arrive('pages/about/index', 'about');
  await snapAt(reader, '#agreements', 'about-agreements');
  expect(await reader.text('#agreements')).toContain(documentTitle);

  await back(reader);
  await reader.tap('#tab-contact');
  await reader.arrive('pages/contact/index', 'contact');
  await snapAt(reader, '#open-map', 'contact-map');
  await reader.tap('#open-map');
  await reader.page.locator('[data-preview-notice="location"]').waitFor();
  await reader.snap('contact-map-opened');
});

describe.each<Scheme>(['light', 'dark'])('contact for a reader in China, %s', (scheme) => {
  test('says the time difference, that Chinese is welcome and answered in the app, and how soon', async () => {
    const reader = await session(`${READER}-${scheme}`, `contact-china-${scheme}`, scheme);
    await reader.tap('#tab-contact');
    await reader.arrive('pages/contact/index', `contact-${scheme}`);
    await snapAt(reader, '#from-china', `contact-from-china-${scheme}`);
    expect(await reader.text('#time-difference')).toMatch(/丹麦.*比北京时间晚 [67] 小时/);
    expect(await reader.text('#language')).toContain('欢迎用中文书面咨询');
    expect(await reader.text('#response-time')).toMatch(/通常在 \d+ 个工作日内答复/);
    await snapAt(reader, '#social', `contact-social-${scheme}`);
  });

  test('the profile editor’s parts read well', async () => {
    const staff = await session(STAFF_OPENID, `profile-parts-${scheme}`, scheme);
    await openProfileEditor(staff, scheme);
    for (const [label, name, shown] of [
      ['大事记', 'timeline', '#timeline'],
      ['重点领域', 'focus-areas', '#areas'],
      ['合作文件', 'documents', '#documents'],
      ['首页图片', 'images', '#images'],
    ] as const) {
      await openPart(staff, label, shown);
      await staff.snap(`${name}-${scheme}`);
    }
  });
});
