/** Times as people in China read them (UTC+8). */
import { CHINA_OFFSET_MS } from '../../contract/constants';

/** `2026年1月5日 18:00` in China time, a format the `time` field accepts. */
export function chinaTime(at: Date): string {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
}
