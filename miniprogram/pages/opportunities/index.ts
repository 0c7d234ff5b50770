import type { OpportunityListItem } from '../../contract/api/content';
import type { OpportunityKind } from '../../contract/models';
import { t } from '../../i18n/index';
import { opportunitiesList } from '../../services/content';
import { OPPORTUNITY_KINDS } from '../../contract/constants';
import { displayDate, formatDate } from '../../utils/date';
import { fontScaleStyle } from '../../utils/font-scale';
import { errorMessage, loadingViewData } from '../../utils/page-kit';
import { createPagedList, listHandlers, type Footer, type PagedList } from '../../utils/paged-list';
import { pageUrl, ROUTES } from '../../utils/routes';
import { enableShareMenu, shareMessage, shareTimeline } from '../../utils/share';
import { selectTab } from '../../utils/tab-bar';

/** 合作 (tab): published opportunities, newest first, filtered by kind; paged by cursor. */

/** The tab value of "every kind": not a kind. */
const ALL = 'all';

type Filter = OpportunityKind | typeof ALL;

interface OpportunityCard {
  id: string;
  kind: string;
  title: string;
  summary: string;
  open: boolean;
  status: string;
  date: string;
  deadline: string;
}

function isKind(value: string | undefined): value is OpportunityKind {
  return (OPPORTUNITY_KINDS as readonly string[]).includes(value ?? '');
}

function kindLabel(kind: OpportunityKind): string {
  return t(`opportunities.kinds.${kind}`);
}

function toCard(item: OpportunityListItem): OpportunityCard {
  return {
    id: item.id,
    kind: kindLabel(item.kind),
    title: item.title,
    summary: item.summary,
    open: item.open,
    status: item.open ? t('opportunities.open') : t('opportunities.notOpen'),
    date: displayDate(item.publishedAt, item.dateLabel),
    deadline: item.deadline ? t('opportunities.deadline', { date: formatDate(item.deadline) }) : '',
  };
}

Page({
  data: {
    ...loadingViewData(),
    emptyText: t('opportunities.empty'),
    tabs: [
      { value: ALL, label: t('opportunities.all') },
      ...OPPORTUNITY_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) })),
    ],
    activeKind: ALL as Filter,
    items: [] as OpportunityCard[],
    footer: 'none' as Footer,
    labels: {
      kindsLabel: t('opportunities.kindsLabel'),
      loading: t('common.loading'),
      noMore: t('common.noMore'),
      loadMoreFailed: t('opportunities.loadMoreFailed'),
    },
  },

  list: null as PagedList<OpportunityListItem> | null,

  /** `?type=<kind>` (from a shared link) opens on that kind. */
  onLoad(query: { type?: string }) {
    this.list = createPagedList<OpportunityListItem>(this, {
      load: (cursor) => {
        const type = this.activeType();
        return opportunitiesList(cursor ? { type, cursor } : { type });
      },
      toRow: toCard,
      extra: (_items, first) => (first ? { emptyText: this.emptyText() } : {}),
      message: errorMessage,
    });
    this.setData({ pageStyle: fontScaleStyle(), ...(isKind(query.type) ? { activeKind: query.type } : {}) });
    enableShareMenu();
    return this.load();
  },

  onShow() {
    selectTab(this, 'opportunities');
  },

  ...listHandlers,

  onKindChange(event: WechatMiniprogram.CustomEvent<{ value: Filter }>) {
    const kind = event.detail.value;
    if (kind === this.data.activeKind) return undefined;
    this.setData({ activeKind: kind, status: 'loading', items: [], footer: 'none' });
    wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    return this.load();
  },

  onOpen(event: WechatMiniprogram.BaseEvent<Record<string, never>, { id?: string }>) {
    const id = event.currentTarget.dataset.id;
    if (id) wx.navigateTo({ url: pageUrl(ROUTES.opportunityDetail, { id }) });
  },

  activeType(): OpportunityKind | undefined {
    return this.data.activeKind === ALL ? undefined : this.data.activeKind;
  },

  emptyText(): string {
    const type = this.activeType();
    return type ? t('opportunities.emptyKind', { kind: kindLabel(type) }) : t('opportunities.empty');
  },

  /** The first page of the active filter; a failed refresh keeps what is shown. */
  load() {
    return this.list?.reload();
  },

  onShareAppMessage() {
    const type = this.activeType();
    return shareMessage(this.shareTitle(type), ROUTES.opportunities, { type });
  },

  onShareTimeline() {
    const type = this.activeType();
    return shareTimeline(this.shareTitle(type), { type });
  },

  shareTitle(type: OpportunityKind | undefined): string {
    return type
      ? t('opportunities.shareKindTitle', { kind: kindLabel(type) })
      : t('opportunities.shareTitle');
  },
});
