import type { Page as ResultPage } from '../../../contract/api/common';
import { fontScaleStyle } from '../../../utils/font-scale';
import {
  createPagedList,
  listHandlers,
  type Footer,
  type PagedList,
  type PagedListHost,
  type PagedListOptions,
} from '../../../utils/paged-list';
import type { AdminViewStatus } from '../components/admin-state/index';
import { labelsOf, refreshLang, t, type MessageKey } from '../i18n/index';
import { errorMessage, isForbidden } from './errors';
import { withId } from './routes';

/**
 * What the staff lists share: a cursor-paged list that shows the staff-only state to others, is
 * read again on coming back from an item's page, and (for news and opportunities) one tab a state
 * with a button to write a new item.
 */

/** A staff list's controller: the paged list, its failures in the staff pages' words. */
export function staffPagedList<T>(
  page: PagedListHost,
  options: Pick<PagedListOptions<T>, 'load' | 'toRow' | 'extra'>,
): PagedList<T> {
  return createPagedList<T>(page, {
    ...options,
    message: errorMessage,
    handleError: (error) => {
      if (!isForbidden(error)) return false;
      page.setData({ status: 'forbidden', items: [] });
      return true;
    },
  });
}

/** A staff list page as the handlers below see it. */
interface StaffListPage {
  /** Set when an item's page is opened: the list is read again on coming back. */
  stale: boolean;
  load(): Promise<void> | undefined;
}

/** The handlers every staff list has: the list's own, and reading again after an item was open. */
export const staffListHandlers = {
  ...listHandlers,

  onShow(this: StaffListPage) {
    if (!this.stale) return undefined;
    this.stale = false;
    return this.load();
  },

  /** Opens a page from the list (an item, or a new one); the list is read again on return. */
  openFromList(this: StaffListPage, url: string) {
    this.stale = true;
    wx.navigateTo({ url });
  },
};

/** The tab value of "every state". */
const ALL = '';

/** News or opportunities as staff see them. */
export interface StatusListSpec<Item, Status extends string> {
  /** The page's dictionary section: its title, create button and empty texts. */
  texts: 'news' | 'opportunities';
  statuses: readonly Status[];
  statusLabel(status: Status): string;
  list(status: Status | undefined, cursor?: string): Promise<ResultPage<Item>>;
  toRow(item: Item): unknown;
  /** The editor's route: an item opens in it by `?id=`, none writes a new one. */
  editor: string;
  /** Labels of the page's rows besides the list's own. */
  labels: Record<string, MessageKey>;
}

interface StatusListPage<Item, Status extends string> extends StaffListPage, PagedListHost {
  readonly data: { readonly status: string; readonly items: readonly unknown[]; readonly active: string };
  list: PagedList<Item> | null;
  filter(): Status | undefined;
  emptyText(): string;
  openFromList(url: string): void;
}

/**
 * A staff list of items by state (every item but the deleted, newest change first): one tab a
 * state, each item opens in its editor, and a button writes a new one.
 */
export function statusListPage<Item, Status extends string>(spec: StatusListSpec<Item, Status>) {
  type Self = StatusListPage<Item, Status>;
  const isStatus = (value: string): value is Status => (spec.statuses as readonly string[]).includes(value);
  return {
    data: {
      pageStyle: '',
      status: 'loading' as AdminViewStatus,
      errorMessage: '',
      emptyText: '',
      tabs: [] as { value: string; label: string }[],
      active: ALL,
      items: [] as unknown[],
      footer: 'none' as Footer,
      labels: {} as Record<string, string>,
    },

    list: null as PagedList<Item> | null,
    stale: false,

    ...staffListHandlers,

    onLoad(this: Self) {
      this.list = staffPagedList<Item>(this, {
        load: (cursor) => spec.list(this.filter(), cursor),
        toRow: spec.toRow,
        extra: (_items, first) => (first ? { emptyText: this.emptyText() } : {}),
      });
      refreshLang();
      wx.setNavigationBarTitle({ title: t(`${spec.texts}.title`) });
      this.setData({
        pageStyle: fontScaleStyle(),
        tabs: [
          { value: ALL, label: t('common.all') },
          ...spec.statuses.map((value) => ({ value, label: spec.statusLabel(value) })),
        ],
        labels: labelsOf({
          create: `${spec.texts}.create`,
          updated: 'statuses.updated',
          loading: 'common.loading',
          noMore: 'common.noMore',
          loadMoreFailed: 'common.loadMoreFailed',
          ...spec.labels,
        }),
      });
      return this.load();
    },

    onTabChange(this: Self, event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const value = event.detail.value;
      if (value === this.data.active) return undefined;
      this.setData({ active: value, status: 'loading', items: [], footer: 'none' });
      return this.load();
    },

    filter(this: Self): Status | undefined {
      return isStatus(this.data.active) ? this.data.active : undefined;
    },

    emptyText(this: Self): string {
      const status = this.filter();
      return status
        ? t(`${spec.texts}.emptyStatus`, { status: spec.statusLabel(status) })
        : t(`${spec.texts}.empty`);
    },

    load(this: Self) {
      return this.list?.reload();
    },

    onOpen(this: Self, event: WechatMiniprogram.BaseEvent<Record<string, never>, { id?: string }>) {
      const id = event.currentTarget.dataset.id;
      if (id) this.openFromList(withId(spec.editor, id));
    },

    onCreate(this: Self) {
      this.openFromList(spec.editor);
    },
  };
}
