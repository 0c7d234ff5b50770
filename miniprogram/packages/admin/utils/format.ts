/**
 * Dates and sizes for the staff pages. Staff see times in their phone's time zone (they sit in
 * Denmark); dates readers see (deadlines) are China dates, as the public pages show them.
 */
import { CHINA_OFFSET_MS } from '../../../contract/constants';
import { t } from '../i18n/index';

const pad = (value: number) => String(value).padStart(2, '0');

const KIB = 1024;
const MIB = 1024 * 1024;

/** `2026-03-01 14:05` in the phone's time zone; '' when missing or not a date. */
export function dateTime(iso: string | undefined | null): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return `${localDay(at)} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** `2026-03-01` in the phone's time zone. */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** `14:05` in the phone's time zone. */
export function localTime(at: Date): string {
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The instant of `2026-03-01` + `14:05` in the phone's time zone; null when either is missing. */
export function fromLocal(day: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  return new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
}

/** The phone's offset from UTC, e.g. `UTC+1` or `UTC+5:30`. */
export function zoneLabel(at: Date = new Date()): string {
  const minutes = -at.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${pad(rest)}` : ''}`;
}

/** The China date (`2026-03-01`) of an instant. */
export function chinaDay(iso: string | undefined | null): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const china = new Date(time + CHINA_OFFSET_MS);
  return `${china.getUTCFullYear()}-${pad(china.getUTCMonth() + 1)}-${pad(china.getUTCDate())}`;
}

/** The last moment of a China date, so a deadline lasts the whole day readers see. */
export function endOfChinaDay(day: string): string {
  return new Date(`${day}T23:59:59.000+08:00`).toISOString();
}

/** `1.5 MB`, `320 KB`. */
export function fileSize(bytes: number): string {
  if (bytes >= MIB) return `${Math.round((bytes / MIB) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / KIB))} KB`;
}

/** A visit's days as the partner gave them: one day alone, or `from – to`. */
export function visitDays(from: string, to: string): string {
  return from === to ? from : t('enquiry.visitDateRange', { from, to });
}
