import { cloudCaller } from '../../harness/cloud-client';
import { loadPage, tap, type PageHandle } from '../../harness/simulate';
import {
  expectShares,
  failingFirst,
  installSharingWx,
  retryAfterNetworkError,
  state,
  textOf,
  type SharingWx,
} from '../../harness/page-helpers';
import { DOCUMENTS } from '../../../cloudbase/seed/documents';
import { PROFILE } from '../../../cloudbase/seed/profile';

/**
 * 关于大区 and the international office, from the real `content` function's `profile`. The expected
 * content comes from the seed module, so rewording the seed does not break these tests.
 */

const OFFICE = PROFILE.internationalOffice;

const USER = 'o-about-test-user';
async function openAbout(): Promise<PageHandle> {
  const page = loadPage('pages/about/index');
  await page.onLoad();
  return page;
}

describe('about page', () => {
  let wx: SharingWx;

  beforeEach(() => {
    wx = installSharingWx({ callFunction: cloudCaller(USER) });
  });

  it('complements home rather than repeating it: the intro beyond the lead, no hero', async () => {
    const page = loadPage('pages/about/index');
    expect(state(page).querySelector('#state-view-skeleton')).toBeDefined();
    await page.onLoad();

    expect(wx.cloud.callFunction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'content', data: { action: 'profile', data: {} } }),
    );
    const [lead, ...rest] = PROFILE.intro.paragraphs;
    expect(rest.length).toBeGreaterThan(0);
    const intro = textOf(page.querySelector('#intro'));
    for (const paragraph of rest) expect(intro).toContain(paragraph);
    // The hero (the region's name over its partnership line) and the lead are home's.
    const all = textOf(page.root);
    expect(all).not.toContain(lead);
    expect(all).not.toContain(`与${PROFILE.partner.zh}缔结`);
    expect(page.querySelector('.about-hero')).toBeUndefined();
  });

  it("says the facts are as of the source's date and when the profile was last updated (China time)", async () => {
    const page = await openAbout();
    const items = page.querySelectorAll('#as-of .as-of__item').map(textOf);
    expect(items).toEqual([`信息截至${PROFILE.source.asOf}`, '更新于2026年12月5日']);
  });

  it('presents the international office, the former Shanghai office and the two MoUs', async () => {
    const page = await openAbout();
    const office = textOf(page.querySelector('#office'));
    expect(office).toContain(OFFICE.name);
    expect(office).toContain(OFFICE.nameOriginal);
    expect(office).toContain(`办公地点：${OFFICE.location}`);

    const representativeOffice = textOf(page.querySelector('#representative-office'));
    for (const paragraph of PROFILE.representativeOffice.paragraphs) {
      expect(representativeOffice).toContain(paragraph);
    }
    expect(page.querySelectorAll('.document')).toHaveLength(PROFILE.agreements.documentIds.length);
    const agreements = textOf(page.querySelector('#agreements'));
    for (const document of DOCUMENTS) expect(agreements).toContain(document.availability);
  });

  it('names the contact person and opens the contact tab', async () => {
    const page = await openAbout();
    const contact = page.querySelector('#contact-link');
    const { name, salutation, title } = PROFILE.contact;
    expect(textOf(contact?.querySelector('.t-cell__description'))).toBe(`${name} ${salutation}，${title}`);
    await tap(contact?.querySelector('.t-cell'));
    expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/contact/index' }));
  });

  it('cites its source the one way the app cites', async () => {
    const page = await openAbout();
    expect(textOf(page.querySelector('#source'))).toBe(`来源：${PROFILE.source.note}`);
    expect(PROFILE.source.note).toContain('《Central Denmark Region and Shanghai》');
  });

  it('shows the error with retry when the profile cannot load, and recovers', async () => {
    wx = installSharingWx({ callFunction: failingFirst(2, cloudCaller(USER)) });
    const page = await openAbout();
    await retryAfterNetworkError(page);
    expect(textOf(page.querySelector('#office'))).toContain(OFFICE.name);
  });

  it('shares the page to chat and to Moments', async () => {
    const page = await openAbout();
    await expectShares(page, '了解丹麦中日德兰大区与上海的友城关系', '/pages/about/index');
  });
});
