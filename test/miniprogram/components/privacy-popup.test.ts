import {
  installWx,
  loadComponent,
  loadPage,
  settle,
  tap,
  trigger,
  type SimNode,
} from '../../harness/simulate';
import { until } from '../../harness/until';

/**
 * WeChat's privacy authorisation as the base library runs it: a privacy-scoped API called before
 * the user agreed is held, `wx.onNeedPrivacyAuthorization`'s listener gets a `resolve`, and the
 * call goes on after `resolve({ event: 'agree', buttonId })` or fails after `disagree`.
 */

type Resolve = (result: { event: string; buttonId?: string }) => void;
type Listener = (resolve: Resolve, eventInfo: { referrer: string }) => void;

interface PrivacyRuntime {
  /** The listener registered last (the platform keeps only that one). */
  listener(): Listener | undefined;
  resolutions: { event: string; buttonId?: string }[];
  openPrivacyContract: jest.Mock;
  /** `wx.setClipboardData` as a privacy-scoped API: held for authorisation the first time. */
  setClipboardData: jest.Mock;
}

function installPrivacyRuntime(): PrivacyRuntime {
  installWx();
  let listener: Listener | undefined;
  let agreed = false;
  const resolutions: PrivacyRuntime['resolutions'] = [];
  const runtime: PrivacyRuntime = {
    listener: () => listener,
    resolutions,
    openPrivacyContract: jest.fn((options: { success?: () => void }) => options.success?.()),
    setClipboardData: jest.fn(
      (options: { success?: () => void; fail?: (error: { errMsg: string }) => void }) => {
        if (agreed) {
          options.success?.();
          return;
        }
        if (!listener) throw new Error('no privacy listener registered');
        listener(
          (result) => {
            resolutions.push(result);
            if (result.event === 'agree') {
              agreed = true;
              options.success?.();
            } else if (result.event === 'disagree') {
              options.fail?.({ errMsg: 'setClipboardData:fail privacy permission is not authorized' });
            }
          },
          { referrer: 'setClipboardData' },
        );
      },
    ),
  };
  Object.assign((globalThis as unknown as { wx: object }).wx, {
    onNeedPrivacyAuthorization: jest.fn((next: Listener) => (listener = next)),
    openPrivacyContract: runtime.openPrivacyContract,
    setClipboardData: runtime.setClipboardData,
  });
  return runtime;
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
    await page.onLoad({ id: 'abc123', status: 'received' });
    const ours = runtime.listener();
    // Another page's popup registered since (the platform keeps only the last listener).
    (
      globalThis as unknown as { wx: { onNeedPrivacyAuthorization(listener: Listener): void } }
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

  it('loads and stays hidden where the base library has no privacy authorisation', () => {
    installWx();
    const popup = loadComponent('components/privacy-popup/index');
    expect(shown(popup)).toBe(false);
  });
});
