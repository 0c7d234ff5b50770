import { t } from '../../i18n/index';
import { privacyTexts, type PrivacyFeature, type PrivacyPopupTexts } from './texts';

/**
 * WeChat's privacy authorisation (app.json `__usePrivacyCheck__`): when a privacy-scoped API
 * (clipboard, phone call, choosing a photo or a file) runs before the user has agreed to the
 * privacy guidelines, WeChat holds the call and fires `wx.onNeedPrivacyAuthorization`. This popup
 * explains why, links the guidelines (`wx.openPrivacyContract`) and settles every held call:
 * agreeing goes through the native `<button open-type="agreePrivacyAuthorization">` WeChat
 * requires; declining makes the held calls fail with "privacy permission is not authorized".
 *
 * Put one on every page that calls such an API, public or staff. The listener is global and the
 * last registration wins, so the popup registers again whenever its page shows: otherwise the
 * held call waits on the popup of a page that is no longer on screen. It speaks Chinese unless
 * `texts` says otherwise (staff pages pass theirs, in the staff language).
 */

type PrivacyEvent = 'agree' | 'disagree' | 'exposureAuthorization';
type Resolve = (result: { event: PrivacyEvent; buttonId?: string }) => void;
type NeedAuthorizationListener = (resolve: Resolve, eventInfo?: { referrer?: string }) => void;

/** Must match the `id` of the agree button in index.wxml: WeChat checks that it was tapped. */
const AGREE_BUTTON_ID = 'privacy-popup-agree';

const PUBLIC_TEXTS = privacyTexts((key, params) => t(`privacyPopup.${key}`, params));

type Labels = Pick<PrivacyPopupTexts, 'title' | 'contract' | 'agree' | 'decline'>;

function labelsOf({ title, contract, agree, decline }: PrivacyPopupTexts): Labels {
  return { title, contract, agree, decline };
}

/** The explanation for the API that asked (WeChat names it in `referrer`). */
function bodyFor(texts: PrivacyPopupTexts, referrer: string | undefined): string {
  const known =
    referrer !== undefined &&
    referrer !== 'default' &&
    Object.prototype.hasOwnProperty.call(texts.bodies, referrer);
  return known ? texts.bodies[referrer as PrivacyFeature] : texts.bodies.default;
}

Component<
  {
    visible: boolean;
    body: string;
    agreeButtonId: string;
    labels: Labels;
  },
  { texts: { type: ObjectConstructor; value: PrivacyPopupTexts | null } },
  {
    listen(): void;
    render(): void;
    settle(event: 'agree' | 'disagree'): void;
    onAgree(): void;
    onDecline(): void;
    onVisibleChange(event: WechatMiniprogram.CustomEvent<{ visible: boolean }>): void;
    onOpenContract(): void;
  },
  [],
  { pending: Resolve[]; referrer: string | undefined }
>({
  properties: {
    /** What the popup says; the public pages' Chinese when not given. */
    texts: { type: Object, value: null },
  },
  data: {
    visible: false,
    body: PUBLIC_TEXTS.bodies.default,
    agreeButtonId: AGREE_BUTTON_ID,
    labels: labelsOf(PUBLIC_TEXTS),
  },
  observers: {
    texts() {
      this.render();
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
        this.referrer = eventInfo?.referrer;
        this.render();
        this.setData({ visible: true });
      });
    },
    /** Shows the texts of the moment, for the feature that asked last. */
    render() {
      const texts = this.data.texts ?? PUBLIC_TEXTS;
      this.setData({ labels: labelsOf(texts), body: bodyFor(texts, this.referrer) });
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
      const { contractFailed } = this.data.texts ?? PUBLIC_TEXTS;
      wx.openPrivacyContract({
        fail: () => wx.showToast({ title: contractFailed, icon: 'none' }),
      });
    },
  },
});
