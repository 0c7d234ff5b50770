import type { Page as ResultPage } from '../contract/api/common';
import { onPullDownRefresh, onRetry, type LoadingPage } from './page-kit';

/**
 * The cursor-paged list shared by the list pages: first page (pull-down, retry, filter change),
 * next pages at the bottom, and the footer under them. One controller per page instance, made in
 * `onLoad`; it drives the page's `status`, `errorMessage`, `items` and `footer` data.
 */

/** What the list footer shows: nothing, a spinner, the end, or a failed next page with retry. */
export type Footer = 'none' | 'loading' | 'end' | 'error';

/** The part of a page the list drives. */
export interface PagedListHost {
  readonly data: { readonly status: string; readonly items: readonly unknown[] };
  setData(data: Record<string, unknown>): void;
}

export interface PagedListOptions<T, P extends ResultPage<T> = ResultPage<T>> {
  /** One page of the current filter: the first when `cursor` is undefined. */
  load(cursor?: string): Promise<P>;
  /** The row rendered for an item. */
  toRow(item: T): unknown;
  /**
   * Further data to set with a page (`first` for a first page), such as the empty text or what
   * the answer says besides its items.
   */
  extra?(items: readonly T[], first: boolean, page: P): Record<string, unknown>;
  /** The text shown for a failed first page. */
  message(error: unknown): string;
  /** A failed first page the page handles itself (true when it did), before the default. */
  handleError?(error: unknown): boolean;
}

/** A first page that may be shown from cache (`stale`) while the `fresh` one loads. */
export interface FirstPage<T, P extends ResultPage<T> = ResultPage<T>> {
  stale?: P;
  fresh: Promise<P>;
}

export interface PagedList<T, P extends ResultPage<T> = ResultPage<T>> {
  /**
   * Loads the first page again and shows it in place of the list. A failure shows the error state,
   * or only a toast while content is shown. Answers overtaken by a later reload are dropped.
   */
  reload(first?: FirstPage<T, P>): Promise<void>;
  /** The next page by cursor, appended; nothing once the end is reached or while one loads. */
  loadMore(): Promise<void>;
  /** Shows a first page in place of the list. */
  showFirstPage(page: P): void;
}

export function createPagedList<T, P extends ResultPage<T> = ResultPage<T>>(
  host: PagedListHost,
  options: PagedListOptions<T, P>,
): PagedList<T, P> {
  /** `nextCursor` of the last page shown; null once the end is reached. */
  let cursor: string | null = null;
  /** Bumped on every fresh start, so an answer for a filter no longer shown is dropped. */
  let generation = 0;
  let loadingMore = false;

  const footerOf = (page: ResultPage<T>): Footer => (page.nextCursor ? 'none' : 'end');

  const list: PagedList<T, P> = {
    async reload(first) {
      const current = ++generation;
      try {
        const { stale, fresh } = first ?? { fresh: options.load() };
        if (stale && host.data.status !== 'ready') list.showFirstPage(stale);
        const page = await fresh;
        if (current === generation) list.showFirstPage(page);
      } catch (error) {
        if (current !== generation || options.handleError?.(error)) return;
        const message = options.message(error);
        if (host.data.status === 'ready') wx.showToast({ title: message, icon: 'none' });
        else host.setData({ status: 'error', errorMessage: message });
      }
    },

    showFirstPage(page) {
      cursor = page.nextCursor;
      host.setData({
        items: page.items.map((item) => options.toRow(item)),
        status: page.items.length > 0 ? 'ready' : 'empty',
        errorMessage: '',
        ...options.extra?.(page.items, true, page),
        footer: footerOf(page),
      });
    },

    async loadMore() {
      if (!cursor || loadingMore || host.data.status !== 'ready') return;
      const current = generation;
      loadingMore = true;
      host.setData({ footer: 'loading' });
      try {
        const page = await options.load(cursor);
        if (current !== generation) return;
        cursor = page.nextCursor;
        // Only the new rows travel to the render layer.
        const start = host.data.items.length;
        const update: Record<string, unknown> = { footer: footerOf(page) };
        page.items.forEach((item, index) => {
          update[`items[${start + index}]`] = options.toRow(item);
        });
        Object.assign(update, options.extra?.(page.items, false, page));
        host.setData(update);
      } catch {
        if (current === generation) host.setData({ footer: 'error' });
      } finally {
        loadingMore = false;
      }
    },
  };
  return list;
}

/** A list page as the shared handlers below see it: its controller and its first-page loader. */
export interface ListPage extends LoadingPage {
  list: { loadMore(): Promise<void> } | null;
}

/** The handlers every list page has, spread into its `Page({ … })`. */
export const listHandlers = {
  onRetry,
  onPullDownRefresh,

  onReachBottom(this: ListPage) {
    return this.list?.loadMore();
  },

  /** The footer's retry after a failed next page. */
  onLoadMore(this: ListPage) {
    return this.list?.loadMore();
  },
};
