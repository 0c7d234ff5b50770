/**
 * Privacy (app.json `__usePrivacyCheck__`): the APIs WeChat holds until the user agrees to the
 * privacy guidelines, the app's `onNeedPrivacyAuthorization` listener and the consent itself,
 * kept per OPENID.
 */
import { logAction } from '../missing';
import { showModal, showNotice } from '../ui';
import { api, WxError, type Args, type Data, type Gated } from './context';
import type { WxRun } from '../../../../miniprogram-runtime/src';

/** APIs WeChat holds until the user agrees to the privacy guidelines. */
export const PRIVACY_SCOPED = new Set([
  'setClipboardData',
  'getClipboardData',
  'makePhoneCall',
  'getLocation',
  'getFuzzyLocation',
  'chooseLocation',
  'chooseMedia',
  'chooseImage',
  'chooseMessageFile',
]);

type PrivacyResolve = (result: { event: string; buttonId?: string }) => void;
type PrivacyListener = (resolve: PrivacyResolve, info: { referrer: string }) => void;

export interface Privacy {
  gated: Gated;
  apis: Data;
  /** For `<button open-type="agreePrivacyAuthorization">`: which button the user tapped. */
  agree(buttonId: string): void;
}

export function privacy(openid: string, store: Storage): Privacy {
  const consentKey = `preview:${openid}:privacy-agreed`;
  // The listener is global: the last registration wins, as in WeChat.
  let listener: PrivacyListener | null = null;
  let lastAgreeButton = '';

  /**
   * Holds a privacy-scoped call until the user agrees, as the base library does: through the
   * app's listener (its popup) when it registered one, otherwise through WeChat's own dialog.
   */
  async function gate(name: string): Promise<void> {
    if (!PRIVACY_SCOPED.has(name) || store.getItem(consentKey) === 'yes') return;
    const agreed = await new Promise<boolean>((resolve) => {
      if (listener) {
        listener(
          (result) => {
            if (result.event === 'agree')
              resolve(Boolean(result.buttonId) && result.buttonId === lastAgreeButton);
            else if (result.event === 'disagree') resolve(false);
          },
          { referrer: name },
        );
      } else {
        void showModal(
          {
            title: '用户隐私保护提示',
            content: '使用此功能前，请阅读并同意《隐私保护指引》。',
            confirmText: '同意',
            cancelText: '拒绝',
          },
          'privacy',
        ).then((result) => resolve(result.confirm));
      }
    });
    if (!agreed) throw new WxError('privacy permission is not authorized');
    store.setItem(consentKey, 'yes');
  }

  const gated = (name: string, run: WxRun<Args>) =>
    api(name, async (args) => {
      await gate(name);
      return run(args);
    });

  return {
    gated,
    agree(buttonId) {
      lastAgreeButton = buttonId;
    },
    apis: {
      onNeedPrivacyAuthorization: (next: PrivacyListener) => {
        listener = next;
      },
      getPrivacySetting: api('getPrivacySetting', () => ({
        needAuthorization: store.getItem(consentKey) !== 'yes',
        privacyContractName: '《隐私保护指引》',
      })),
      requirePrivacyAuthorize: api('requirePrivacyAuthorize', () => gate('setClipboardData')),
      openPrivacyContract: api('openPrivacyContract', () => {
        logAction('隐私保护指引', '微信会打开小程序的《隐私保护指引》页面');
        showNotice('privacy-contract', '《隐私保护指引》', ['微信会在此打开在公众平台填写的隐私保护指引。']);
      }),
    },
  };
}
