import type { TimeDifference } from '../../../contract/api/content';
import { CHINA_OFFSET_MS } from '../../../contract/constants';

/** Where the office is: Denmark keeps Central European Time, with summer time from March to October. */
const OFFICE_TIME_ZONE = 'Europe/Copenhagen';
const HOUR_MS = 3600_000;
const CHINA_OFFSET_HOURS = CHINA_OFFSET_MS / HOUR_MS;

/** One formatter per zone and instance: making one costs about 2 ms, and each home or contact answer asks three times. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC in hours at `at`, from the runtime's time-zone data (Node has full ICU). */
function offsetHours(timeZone: string, at: Date): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value;
  // 'GMT+1', 'GMT+5:30', or 'GMT' for UTC itself.
  const match = /^GMT(?:([+-]\d{1,2})(?::(\d{2}))?)?$/.exec(name ?? '');
  if (!match) throw new Error(`Unexpected time-zone name ${String(name)} for ${timeZone}`);
  const hours = Number(match[1] ?? 0);
  const minutes = Number(match[2] ?? 0);
  return hours + Math.sign(hours) * (minutes / 60);
}

/**
 * How far Denmark is behind Beijing on the day of `now`, and in the other season: the real rule of
 * the zone (summer time starts and ends on the last Sundays of March and October), not a fixed 7.
 */
export function timeDifference(now: Date): TimeDifference {
  const year = now.getUTCFullYear();
  const winter = offsetHours(OFFICE_TIME_ZONE, new Date(Date.UTC(year, 0, 15)));
  const summer = offsetHours(OFFICE_TIME_ZONE, new Date(Date.UTC(year, 6, 15)));
  const today = offsetHours(OFFICE_TIME_ZONE, now);
  const summerTime = today > winter;
  return {
    hoursBehind: CHINA_OFFSET_HOURS - today,
    summerTime,
    otherSeasonHoursBehind: CHINA_OFFSET_HOURS - (summerTime ? winter : summer),
  };
}
