/**
 * Dates are shown in China Standard Time (UTC+8, no daylight saving): the readers are in China,
 * and a fixed offset gives every device the same day for the same instant.
 */
import { CHINA_OFFSET_MS } from '../contract/constants';

/** '2026年11月23日' for an ISO 8601 instant; '' when it is missing or not a date. */
export function formatDate(iso: string | undefined | null): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const local = new Date(time + CHINA_OFFSET_MS);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

/**
 * What to show as an item's date: its `dateLabel` when it has one (content dated by year or
 * season only, such as '2016年春'), otherwise the day of `iso`.
 */
export function displayDate(iso: string | undefined | null, dateLabel?: string | null): string {
  return dateLabel || formatDate(iso);
}
