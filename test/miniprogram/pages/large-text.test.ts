import { cloudCaller } from '../../harness/cloud-client';
import { installWx, loadPage, tap, type PageHandle, type WxMock } from '../../harness/simulate';
import { textOf } from '../../harness/page-helpers';

/**
 * 关怀模式 (large text): switched on the contact page, remembered for the user in wx storage, and
 * applied to every public page's root style (`<page-meta page-style>`): text and tap targets scaled.
 */

const NORMAL = '--font-scale: 1;';
const LARGE = '--font-scale: 1.25; --tap-scale: 1.25;';
const PUBLIC_PAGES = [
  'pages/home/index',
  'pages/news/index',
  'pages/opportunities/index',
  'pages/contact/index',
  'pages/about/index',
  'pages/focus-area/index',
  'packages/enquiry/pages/form/index',
] as const;

const call = cloudCaller('large-text-reader');

async function open(route: string): Promise<PageHandle> {
  const page = loadPage(route);
  await page.onLoad();
  await page.onShow();
  return page;
}

/** The switch row on the contact page, its TDesign switch, and whether the switch shows on. */
function largeTextSwitch(page: PageHandle) {
  const row = page.querySelector('#large-text-mode');
  const control = row?.querySelector('#large-text-switch')?.querySelector('.t-switch');
  // TDesign marks the switch's body `t-switch__body--checked` (scoped by simulate) when on.
  return { row, control, shownOn: /t-switch__body--checked/.test(control?.dom?.outerHTML ?? '') };
}

/** A fresh `wx` holding what the last one stored: the app opened again by the same user. */
function reopen(previous: WxMock): WxMock {
  return installWx({ callFunction: call, storage: Object.fromEntries(previous.storage) });
}

describe('关怀模式', () => {
  it('is offered on the contact page, off at first', async () => {
    installWx({ callFunction: call });
    const contact = await open('pages/contact/index');
    const { row } = largeTextSwitch(contact);
    expect(textOf(row)).toContain('关怀模式');
    expect(textOf(row)).toContain('放大文字和按钮');
    expect(largeTextSwitch(contact).shownOn).toBe(false);
    expect(contact.data.pageStyle).toBe(NORMAL);
  });

  it('scales the page at once when switched on, and stays on when the app is opened again', async () => {
    const first = installWx({ callFunction: call });
    const contact = await open('pages/contact/index');
    await tap(largeTextSwitch(contact).control);

    expect(contact.data.pageStyle).toBe(LARGE);
    expect(largeTextSwitch(contact).shownOn).toBe(true);

    reopen(first);
    const again = await open('pages/contact/index');
    expect(largeTextSwitch(again).shownOn).toBe(true);
    expect(again.data.pageStyle).toBe(LARGE);
  });

  it.each(PUBLIC_PAGES)('applies to %s', async (route) => {
    installWx({ callFunction: call, storage: { 'display.largeText': true } });
    const page = await open(route);
    expect(page.data.pageStyle).toBe(LARGE);
  });

  it('reaches a tab page left open in the background when it is shown again', async () => {
    installWx({ callFunction: call });
    const home = await open('pages/home/index');
    expect(home.data.pageStyle).toBe(NORMAL);
    await home.onHide();

    const contact = await open('pages/contact/index');
    await tap(largeTextSwitch(contact).control);
    await home.onShow();

    expect(home.data.pageStyle).toBe(LARGE);
  });

  it('returns to the normal size when switched off', async () => {
    const wx = installWx({ callFunction: call, storage: { 'display.largeText': true } });
    const contact = await open('pages/contact/index');
    await tap(largeTextSwitch(contact).control);

    expect(contact.data.pageStyle).toBe(NORMAL);
    expect(wx.storage.get('display.largeText')).toBe(false);
  });
});
