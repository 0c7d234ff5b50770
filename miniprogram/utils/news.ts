import type { NewsListItem } from '../contract/api/content';
import { displayDate } from './date';
import { pageUrl, ROUTES } from './routes';

/** What a news card renders, formatted once when the data arrives. */
export interface NewsCardItem {
  id: string;
  title: string;
  summary: string;
  date: string;
  /** '#上海 #姊妹友好关系', or '' without tags. */
  tagLine: string;
  pinned: boolean;
  coverUrl: string;
  coverAlt: string;
}

export function toNewsCard(item: NewsListItem): NewsCardItem {
  return {
    id: item.id,
    title: item.title,
    summary: item.summary,
    date: displayDate(item.publishAt, item.dateLabel),
    tagLine: item.tags.map((tag) => `#${tag}`).join(' '),
    pinned: item.pinned,
    coverUrl: item.cover?.url ?? '',
    coverAlt: item.cover?.alt ?? '',
  };
}

export function newsDetailUrl(id: string): string {
  return pageUrl(ROUTES.newsDetail, { id });
}
