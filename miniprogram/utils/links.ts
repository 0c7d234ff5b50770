import { t } from '../i18n/index';
import { TABS } from './tab-bar';

/**
 * What a reader's tap on a link in a body does. WeChat opens no arbitrary web page inside a mini
 * program (`web-view` only shows the account's own verified business domains), so:
 * - an in-app path (`/pages/…`) opens that page (a tab page through `switchTab`);
 * - an official-account article (`https://mp.weixin.qq.com/…`) opens with
 *   `wx.openOfficialAccountArticle` (base library 3.4.8+, called from the tap itself, as required);
 *   where that is unavailable, the reader may copy the address;
 * - any other https (or http) address is offered for copying, to open in a browser;
 * - `mailto:` offers the address for copying, `tel:` starts a call.
 * The renderer (cloudfunctions/_shared/markdown) lets no other kind of link through.
 */

export type LinkKind = 'page' | 'article' | 'web' | 'mail' | 'phone';

const ARTICLE = /^https:\/\/mp\.weixin\.qq\.com\//i;
const WEB = /^https?:\/\//i;
/** One leading slash: `//host` would be another host, not a path. */
const IN_APP = /^\/(?![/\\])/;

export function linkKind(href: string): LinkKind | null {
  if (ARTICLE.test(href)) return 'article';
  if (WEB.test(href)) return 'web';
  if (/^mailto:/i.test(href)) return 'mail';
  if (/^tel:/i.test(href)) return 'phone';
  if (IN_APP.test(href)) return 'page';
  return null;
}

function toast(title: string): void {
  wx.showToast({ title, icon: 'none' });
}

async function offerCopy(title: string, content: string, text: string, copied: string): Promise<void> {
  const { confirm } = await wx.showModal({
    title,
    content,
    confirmText: t('links.copy'),
    cancelText: t('links.cancel'),
  });
  if (!confirm) return;
  try {
    await wx.setClipboardData({ data: text });
    toast(copied);
  } catch {
    // Declined privacy consent or a platform failure: the modal already showed the address.
  }
}

function offerWebCopy(url: string): Promise<void> {
  return offerCopy(t('links.webTitle'), t('links.webContent', { url }), url, t('links.copied'));
}

function openPage(href: string): void {
  const path = href.slice(1).split(/[?#]/)[0] ?? '';
  const fail = () => toast(t('links.pageFailed'));
  if (TABS.some((tab) => tab.pagePath === path)) {
    wx.switchTab({ url: `/${path}`, fail });
  } else {
    wx.navigateTo({ url: href, fail });
  }
}

/** `wx.openOfficialAccountArticle`, which the installed API typings do not list yet. */
type ArticleOpener = (options: { url: string; fail?: () => void }) => void;

function openArticle(url: string): void {
  const open = (wx as unknown as { openOfficialAccountArticle?: ArticleOpener }).openOfficialAccountArticle;
  if (!wx.canIUse('openOfficialAccountArticle') || typeof open !== 'function') {
    toast(t('links.articleFallback'));
    void offerWebCopy(url);
    return;
  }
  open.call(wx, { url, fail: () => void offerWebCopy(url) });
}

function mailAddress(href: string): string {
  const raw = href.replace(/^mailto:/i, '').split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Opens `href` as its kind allows; call it from the tap handler itself (article links need that). */
export function openLink(href: string): void {
  const kind = linkKind(href);
  if (kind === 'page') openPage(href);
  else if (kind === 'article') openArticle(href);
  else if (kind === 'web') void offerWebCopy(href);
  else if (kind === 'mail') {
    const address = mailAddress(href);
    void offerCopy(t('links.mailTitle'), t('links.mailContent', { address }), address, t('links.mailCopied'));
  } else if (kind === 'phone') {
    // Cancelling the call is the reader's choice: nothing to say.
    wx.makePhoneCall({ phoneNumber: href.replace(/^tel:/i, ''), fail: () => undefined });
  }
}
