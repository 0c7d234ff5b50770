import { CHINA_OFFSET_MS } from '../../../contract/constants';
import { formatDate } from '../../../utils/date';

/** '2026年12月5日 14:05' in China time, for a timeline entry; '' when `iso` is not a date. */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const local = new Date(time + CHINA_OFFSET_MS);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${formatDate(iso)} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** '2026年12月5日' for a China day `YYYY-MM-DD` (as visit dates are kept). */
export function formatDay(day: string): string {
  return formatDate(`${day}T00:00:00+08:00`);
}
