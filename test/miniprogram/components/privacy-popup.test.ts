import {
  installWx,
  loadComponent,
  loadPage,
  settle,
  tap,
  trigger,
  type SimNode,
} from '../../harness/simulate';
import { installPrivacy, type PrivacyListener, type PrivacyRuntime } from '../../harness/privacy';
import { textOf } from '../../harness/page-helpers';
import { until } from '../../harness/until';
import { privacyTexts } from '../../../miniprogram/components/privacy-popup/texts';

/** WeChat's privacy authorisation (test/harness/privacy.ts) in front of the APIs the app calls. */
function installPrivacyRuntime(): PrivacyRuntime {
  const wx = installWx();
  // The file pickers as the harness lacks them: they pick nothing.
  Object.assign(wx, {
    chooseMedia: jest.fn(async () => ({ tempFiles: [] })),
    chooseMessageFile: jest.fn(async () => ({ tempFiles: [] })),
  });
  return installPrivacy(['setClipboardData', 'chooseMedia', 'chooseMessageFile']);
}

/** Whether TDesign's popup is on screen. */
function shown(popup: SimNode | undefined): boolean {
  return Boolean(popup?.querySelector('#privacy-popup-sheet')?.querySelector('.t-popup'));
}

function popupText(popup: SimNode): string {
  return popup.querySelector('.privacy-popup')?.dom?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Calls the privacy-scoped API as a page would. */
function copy(outcome: { success: jest.Mock; fail: jest.Mock }) {
  (globalThis as unknown as { wx: { setClipboardData(options: object): void } }).wx.setClipboardData({
    data: 'x',
    ...outcome,
  });
}

/** Calls the privacy-scoped API before the user agreed, and waits for the popup it brings up. */
async function copyHeld(popup: SimNode | undefined, outcome: { success: jest.Mock; fail: jest.Mock }) {
  copy(outcome);
  await until(() => shown(popup), { message: 'the privacy popup did not show' });
}

describe('privacy popup', () => {
  it('stays hidden until a privacy-scoped API needs authorisation, then explains and links the guidelines', async () => {
    const runtime = installPrivacyRuntime();
    const popup = loadComponent('components/privacy-popup/index');
    expect(shown(popup)).toBe(false);

    await copyHeld(popup, { success: jest.fn(), fail: jest.fn() });

    expect(shown(popup)).toBe(true);
    expect(popupText(popup)).toContain('复制内容需要您先阅读并同意《小程序隐私保护指引》');
    expect(runtime.resolutions).toEqual([{ event: 'exposureAuthorization' }]);
    await tap(popup.querySelector('#privacy-popup-contract'));
    expect(runtime.openPrivacyContract).toHaveBeenCalledTimes(1);
  });

  it('lets the held call go on once the user agrees through the agreement button', async () => {
    const runtime = installPrivacyRuntime();
    const popup = loadComponent('components/privacy-popup/index');
    const outcome = { success: jest.fn(), fail: jest.fn() };
    await copyHeld(popup, outcome);

    const agree = popup.querySelector('#privacy-popup-agree');
    expect(agree?.dom?.textContent?.trim()).toBe('同意');
    await trigger(agree, 'agreeprivacyauthorization');

    expect(runtime.resolutions.at(-1)).toEqual({ event: 'agree', buttonId: 'privacy-popup-agree' });
    expect(outcome.success).toHaveBeenCalledTimes(1);
    expect(outcome.fail).not.toHaveBeenCalled();
    await until(() => !shown(popup), { message: 'the privacy popup did not close' });

    // Agreed once: later calls are not held.
    const later = { success: jest.fn(), fail: jest.fn() };
    copy(later);
    await settle();
    expect(later.success).toHaveBeenCalledTimes(1);
    expect(shown(popup)).toBe(false);
  });

  it('makes the held call fail when the user declines', async () => {
    const runtime = installPrivacyRuntime();
    const popup = loadComponent('components/privacy-popup/index');
    const outcome = { success: jest.fn(), fail: jest.fn() };
    await copyHeld(popup, outcome);

    await tap(popup.querySelector('#privacy-popup-decline')?.querySelector('.t-button'));

    expect(runtime.resolutions.at(-1)).toEqual({ event: 'disagree' });
    expect(outcome.fail).toHaveBeenCalledWith({
      errMsg: 'setClipboardData:fail privacy permission is not authorized',
    });
    expect(outcome.success).not.toHaveBeenCalled();
    await until(() => !shown(popup), { message: 'the privacy popup did not close' });
  });

  it('treats a tap outside the sheet as declining', async () => {
    const runtime = installPrivacyRuntime();
    const popup = loadComponent('components/privacy-popup/index');
    const outcome = { success: jest.fn(), fail: jest.fn() };
    await copyHeld(popup, outcome);

    await tap(
      popup
        .querySelector('#privacy-popup-sheet')
        ?.querySelector('#popup-overlay')
        ?.querySelector('.t-overlay'),
    );

    expect(runtime.resolutions.at(-1)).toEqual({ event: 'disagree' });
    expect(outcome.fail).toHaveBeenCalledTimes(1);
  });

  it('takes the listener back when its page shows again', async () => {
    const runtime = installPrivacyRuntime();
    const page = loadPage('packages/enquiry/pages/success/index');
    await page.onLoad({ id: 'abc123', ref: 'CDR-20261205-007', status: 'received' });
    const ours = runtime.listener();
    // Another page's popup registered since (the platform keeps only the last listener).
    (
      globalThis as unknown as { wx: { onNeedPrivacyAuthorization(listener: PrivacyListener): void } }
    ).wx.onNeedPrivacyAuthorization(() => undefined);
    expect(runtime.listener()).not.toBe(ours);

    await page.onShow();
    await tap(page.querySelector('#copy-reference')?.querySelector('.t-button'));
    await until(() => shown(page.querySelector('#privacy-popup')), {
      message: 'the page’s privacy popup did not show',
    });

    expect(shown(page.querySelector('#privacy-popup'))).toBe(true);
    expect(runtime.resolutions).toEqual([{ event: 'exposureAuthorization' }]);
  });

  it('names choosing an image or a file as what needs the agreement', async () => {
    installPrivacyRuntime();
    const popup = loadComponent('components/privacy-popup/index');
    const wx = (
      globalThis as unknown as { wx: Record<'chooseMedia' | 'chooseMessageFile', () => Promise<unknown>> }
    ).wx;
    const decline = () => tap(popup.querySelector('#privacy-popup-decline')?.querySelector('.t-button'));

    // What each pick ends with (declined here), kept from the start: a rejection waits for no one.
    const media = wx.chooseMedia().catch((error: unknown) => error);
    await until(() => shown(popup), { message: 'the privacy popup did not show' });
    expect(popupText(popup)).toContain('选择图片需要您先阅读并同意《小程序隐私保护指引》');
    await decline();
    expect(await media).toEqual({ errMsg: 'chooseMedia:fail privacy permission is not authorized' });
    await until(() => !shown(popup), { message: 'the privacy popup did not close' });

    const file = wx.chooseMessageFile().catch((error: unknown) => error);
    await until(() => shown(popup), { message: 'the privacy popup did not show again' });
    expect(popupText(popup)).toContain('选择文件需要您先阅读并同意《小程序隐私保护指引》');
    await decline();
    expect(await file).toEqual({
      errMsg: 'chooseMessageFile:fail privacy permission is not authorized',
    });
  });

  it('speaks the texts it is given (a staff page’s, in the staff language)', async () => {
    const runtime = installPrivacyRuntime();
    runtime.openPrivacyContract.mockImplementation((options: { fail?: () => void }) => options.fail?.());
    const texts = privacyTexts(
      (key, params = {}) =>
        `${key}${Object.values(params).length ? `(${Object.values(params).join(', ')})` : ''}`,
    );
    const popup = loadComponent('components/privacy-popup/index', { texts });

    await copyHeld(popup, { success: jest.fn(), fail: jest.fn() });

    expect(textOf(popup.querySelector('#privacy-popup-title'))).toBe('title');
    expect(popupText(popup)).toContain('body(features.setClipboardData, contract)');
    expect(textOf(popup.querySelector('#privacy-popup-agree'))).toBe('agree');
    await tap(popup.querySelector('#privacy-popup-contract'));
    const wx = (globalThis as unknown as { wx: { showToast: jest.Mock } }).wx;
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: 'contractFailed' }));
  });

  it('loads and stays hidden where the base library has no privacy authorisation', () => {
    installWx();
    const popup = loadComponent('components/privacy-popup/index');
    expect(shown(popup)).toBe(false);
  });
});
