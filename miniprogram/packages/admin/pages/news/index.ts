import type { NewsSummary, StaffNewsStatus } from '../../../../contract/api/admin';
import { t } from '../../i18n/index';
import { newsList } from '../../services/admin';
import { dateTime } from '../../utils/format';
import { ROUTES } from '../../utils/routes';
import { statusListPage } from '../../utils/status-list';
import { NEWS_STATUS_THEME } from '../../utils/tags';

/** News for staff: every item but the deleted, newest change first, filtered by state. */

const STATUSES: readonly StaffNewsStatus[] = ['draft', 'scheduled', 'published', 'archived'];

interface NewsRow {
  id: string;
  title: string;
  summary: string;
  status: StaffNewsStatus;
  statusLabel: string;
  statusTheme: string;
  edited: boolean;
  pinned: boolean;
  dateLine: string;
  /** The source's date label of a published item dated by year or season ('2016年春'). */
  dateLabel: string;
}

function dateLine(item: NewsSummary): string {
  if (item.status === 'scheduled') return t('news.scheduledFor', { time: dateTime(item.publishAt) });
  // Its day is not known: show the label readers see, never the stored placeholder day.
  if (item.status === 'published' && item.dateLabel) return t('news.publishedDated');
  if (item.status === 'published') return t('news.publishedAt', { time: dateTime(item.publishAt) });
  return t('news.updatedAt', { time: dateTime(item.updatedAt) });
}

function toRow(item: NewsSummary): NewsRow {
  return {
    id: item.id,
    title: item.title,
    summary: item.summary,
    status: item.status,
    statusLabel: t(`statuses.news.${item.status}`),
    statusTheme: NEWS_STATUS_THEME[item.status],
    edited: item.edited,
    pinned: item.pinned,
    dateLine: dateLine(item),
    dateLabel: item.status === 'published' ? (item.dateLabel ?? '') : '',
  };
}

Page(
  statusListPage<NewsSummary, StaffNewsStatus>({
    texts: 'news',
    statuses: STATUSES,
    statusLabel: (status) => t(`statuses.news.${status}`),
    list: newsList,
    toRow,
    editor: ROUTES.newsEdit,
    labels: { pinned: 'statuses.pinned' },
  }),
);
