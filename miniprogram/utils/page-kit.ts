import type { ViewStatus } from '../components/state-view/index';
import { t } from '../i18n/index';
import { ServiceError } from '../services/cloud';

/** What the public pages share: the message for a failure, retrying, refreshing, and cached loads. */

/** The data a page that loads starts with: its font-scale style and its state view, loading. */
export function loadingViewData(): { pageStyle: string; status: ViewStatus; errorMessage: string } {
  return { pageStyle: '', status: 'loading', errorMessage: '' };
}

/** The part of a page the helpers below drive: its state view's status. */
export interface ViewPage {
  readonly data: { readonly status: string };
  setData(data: Record<string, unknown>): void;
}

/** A page that can load (again) what it shows. */
export interface LoadingPage extends ViewPage {
  load(): Promise<void> | undefined;
}

/** The message to show for a failed call: the function's own, or the generic one. */
export function errorMessage(error: unknown): string {
  return error instanceof ServiceError ? error.message : t('errors.INTERNAL');
}

/**
 * A failed load: content already on screen stays and the failure is only a toast; with nothing to
 * show, the page's error state with its retry.
 */
export function showLoadFailure(page: ViewPage, error: unknown): void {
  const message = errorMessage(error);
  if (page.data.status === 'ready') wx.showToast({ title: message, icon: 'none' });
  else page.setData({ status: 'error', errorMessage: message });
}

/**
 * Shows a cached answer (`stale`, if any) at once while nothing is shown yet, then the fresh one (`show` sets the
 * page's status); a failure as `showLoadFailure` does.
 */
export async function showLoaded<T>(
  page: ViewPage,
  source: { stale?: T; fresh: Promise<T> },
  show: (value: T) => void,
): Promise<void> {
  if (source.stale !== undefined && page.data.status !== 'ready') show(source.stale);
  try {
    show(await source.fresh);
  } catch (error) {
    showLoadFailure(page, error);
  }
}

/** The state view's retry: back to loading, then load again. */
export function onRetry(this: LoadingPage) {
  this.setData({ status: 'loading', errorMessage: '' });
  return this.load();
}

/** Pull-down refresh: loads again, then lets the spinner go. */
export async function onPullDownRefresh(this: LoadingPage) {
  await this.load();
  wx.stopPullDownRefresh();
}
