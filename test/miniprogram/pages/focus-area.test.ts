import { cloudCaller } from '../../harness/cloud-client';
import { loadPage, settle, tap, type PageHandle } from '../../harness/simulate';
import {
  expectShares,
  failingFirst,
  installSharingWx,
  retryAfterNetworkError,
  state,
  textOf,
  type SharingWx,
} from '../../harness/page-helpers';
import type { FocusArea } from '../../../contract/models';
import { PROFILE } from '../../../cloudbase/seed/profile';

/** A focus area, read from the real `content` function's `profile`. */

const USER = 'o-focus-area-test-user';

/** A seeded focus area: expected content comes from the seed module, not copied wording. */
function seeded(id: string): FocusArea {
  const area = PROFILE.focusAreas.find((candidate) => candidate.id === id);
  if (!area) throw new Error(`no seeded focus area ${id}`);
  return area;
}
async function openArea(id: string): Promise<PageHandle> {
  const page = loadPage('pages/focus-area/index');
  await page.onLoad({ id });
  return page;
}

describe('focus area page', () => {
  let wx: SharingWx;

  beforeEach(() => {
    wx = installSharingWx({ callFunction: cloudCaller(USER) });
  });

  it('shows the area with its original name and paragraphs, titled in the navigation bar', async () => {
    const page = loadPage('pages/focus-area/index');
    expect(state(page).querySelector('#state-view-skeleton')).toBeDefined();
    await page.onLoad({ id: 'research' });

    const research = seeded('research');
    expect(textOf(page.querySelector('#area-title'))).toBe(research.title);
    expect(textOf(page.querySelector('.area-hero__original'))).toBe(research.titleOriginal);
    const body = textOf(page.querySelector('#area-body'));
    for (const paragraph of research.paragraphs) expect(body).toContain(paragraph);
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith(expect.objectContaining({ title: research.title }));
  });

  it("says the area's text is as of the source's date, and when the profile was last updated", async () => {
    const page = await openArea('knowledge');
    const items = page.querySelectorAll('#as-of .as-of__item').map(textOf);
    expect(items).toEqual([`信息截至${PROFILE.source.asOf}`, '更新于2026年12月5日']);
  });

  it('opens the enquiry form with the area as its topic', async () => {
    const page = await openArea('culture');
    await tap(page.querySelector('#enquire')?.querySelector('.t-button'));
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/enquiry/pages/form/index?topic=culture' }),
    );
  });

  it('lists the other three areas, each opening in place of this one', async () => {
    const page = await openArea('business');
    const others = ['knowledge', 'research', 'culture'].map((id) =>
      textOf(page.querySelector(`#other-${id}`)?.querySelector('.t-cell__title-text')),
    );
    expect(others).toEqual(['knowledge', 'research', 'culture'].map((id) => seeded(id).title));
    expect(page.querySelector('#other-business')).toBeUndefined();

    await tap(page.querySelector('#other-knowledge')?.querySelector('.t-cell'));
    expect(wx.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/focus-area/index?id=knowledge' }),
    );
  });

  it('says so for an unknown area', async () => {
    const page = await openArea('tourism');
    const empty = state(page).querySelector('#state-view-empty');
    expect(textOf(empty?.querySelector('.t-empty__description'))).toBe('未找到该合作领域');
  });

  it('shows the error with retry when the profile cannot load, and recovers', async () => {
    wx = installSharingWx({ callFunction: failingFirst(2, cloudCaller(USER)) });
    const page = await openArea('knowledge');
    await retryAfterNetworkError(page);
    expect(textOf(page.querySelector('#area-title'))).toBe(seeded('knowledge').title);
  });

  it('opens from the cached profile, which the about page shares', async () => {
    const about = loadPage('pages/about/index');
    await about.onLoad();
    await settle();

    wx = installSharingWx({
      storage: Object.fromEntries(wx.storage),
      callFunction: () => new Promise<never>(() => undefined),
    });
    const page = loadPage('pages/focus-area/index');
    void page.onLoad({ id: 'business' });
    await settle();
    expect(textOf(page.querySelector('#area-title'))).toBe(seeded('business').title);
  });

  it('shares the area to chat and to Moments', async () => {
    const page = await openArea('business');
    const title = `丹麦中日德兰大区重点合作领域：${seeded('business').title}`;
    await expectShares(page, title, '/pages/focus-area/index?id=business');
  });
});
