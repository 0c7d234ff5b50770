import { t } from '../../i18n/index';

/**
 * WeChat's privacy authorisation (app.json `__usePrivacyCheck__`): when a privacy-scoped API
 * (clipboard, phone call, …) runs before the user has agreed to the privacy guidelines, WeChat
 * holds the call and fires `wx.onNeedPrivacyAuthorization`. This popup explains why, links the
 * guidelines (`wx.openPrivacyContract`) and settles every held call: agreeing goes through the
 * native `<button open-type="agreePrivacyAuthorization">` WeChat requires; declining makes the
 * held calls fail with "privacy permission is not authorized".
 *
 * Put one on every page that calls such an API. The listener is global and the last
 * registration wins, so the popup registers again whenever its page shows.
 */

type PrivacyEvent = 'agree' | 'disagree' | 'exposureAuthorization';
type Resolve = (result: { event: PrivacyEvent; buttonId?: string }) => void;
type NeedAuthorizationListener = (resolve: Resolve, eventInfo?: { referrer?: string }) => void;

/** Must match the `id` of the agree button in index.wxml: WeChat checks that it was tapped. */
const AGREE_BUTTON_ID = 'privacy-popup-agree';

const FEATURES: Record<string, string> = {
  setClipboardData: t('privacyPopup.features.setClipboardData'),
  makePhoneCall: t('privacyPopup.features.makePhoneCall'),
};

function bodyFor(referrer: string | undefined): string {
  const feature = (referrer && FEATURES[referrer]) || t('privacyPopup.features.default');
  return t('privacyPopup.body', { feature, contract: t('privacyPopup.contract') });
}

Component<
  { visible: boolean; body: string; agreeButtonId: string; labels: Record<string, string> },
  Record<string, never>,
  {
    listen(): void;
    settle(event: 'agree' | 'disagree'): void;
    onAgree(): void;
    onDecline(): void;
    onVisibleChange(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>): void;
    onOpenContract(): void;
  },
  [],
  { pending: Resolve[] }
>({
  data: {
    visible: false,
    body: bodyFor(undefined),
    agreeButtonId: AGREE_BUTTON_ID,
    labels: {
      title: t('privacyPopup.title'),
      contract: t('privacyPopup.contract'),
      agree: t('privacyPopup.agree'),
      decline: t('privacyPopup.decline'),
    },
  },
  lifetimes: {
    attached() {
      this.pending = [];
      this.listen();
    },
    detached() {
      // A held call must not wait forever for a popup that is gone.
      this.settle('disagree');
    },
  },
  pageLifetimes: {
    show() {
      this.listen();
    },
  },
  methods: {
    listen() {
      // Base library < 2.32.3 has no privacy authorisation: APIs then run without it.
      // (The typings give the listener the wrong signature: it receives `resolve` and `eventInfo`.)
      const api = wx as unknown as {
        onNeedPrivacyAuthorization?: (listener: NeedAuthorizationListener) => void;
      };
      if (typeof api.onNeedPrivacyAuthorization !== 'function') return;
      api.onNeedPrivacyAuthorization((resolve, eventInfo) => {
        this.pending.push(resolve);
        resolve({ event: 'exposureAuthorization' });
        this.setData({ visible: true, body: bodyFor(eventInfo?.referrer) });
      });
    },
    settle(event) {
      const pending = this.pending.splice(0);
      for (const resolve of pending) {
        resolve(event === 'agree' ? { event, buttonId: AGREE_BUTTON_ID } : { event });
      }
      if (this.data.visible) this.setData({ visible: false });
    },
    onAgree() {
      this.settle('agree');
    },
    onDecline() {
      this.settle('disagree');
    },
    /** A tap outside the sheet closes it: that is declining. */
    onVisibleChange(event) {
      if (!event.detail.visible) this.settle('disagree');
    },
    onOpenContract() {
      wx.openPrivacyContract({
        fail: () => wx.showToast({ title: t('privacyPopup.contractFailed'), icon: 'none' }),
      });
    },
  },
});
