/** ISO 8601 weeks as people in China count them (UTC+8): for the dashboard's weekly chart. */

import { CHINA_OFFSET_MS } from '../../../contract/constants';

const DAY_MS = 24 * 3600_000;

/** An ISO week: its year, number, and Monday (as a China-time calendar date). */
export interface IsoWeek {
  year: number;
  week: number;
  /** 'YYYY-MM-DD' */
  start: string;
}

/**
 * The ISO week of a moment in China time. Works on the moment shifted by +8 h and read in UTC:
 * the Thursday of the week decides its year; week 1 holds the year's first Thursday.
 */
export function isoWeekOf(moment: Date): IsoWeek & { mondayUtc: number } {
  const local = new Date(moment.getTime() + CHINA_OFFSET_MS);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = day - weekday * DAY_MS;
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { year, week, start: new Date(monday).toISOString().slice(0, 10), mondayUtc: monday };
}

/** The last `count` ISO weeks up to the one holding `now`, oldest first, and the moment the first began. */
export function lastWeeks(now: Date, count: number): { weeks: IsoWeek[]; from: Date } {
  const current = isoWeekOf(now);
  // Each Monday's China-time midnight, as a moment.
  const mondays = Array.from(
    { length: count },
    (_unused, i) => current.mondayUtc - (count - 1 - i) * 7 * DAY_MS - CHINA_OFFSET_MS,
  );
  const weeks = mondays.map((monday) => {
    const { year, week, start } = isoWeekOf(new Date(monday));
    return { year, week, start };
  });
  return { weeks, from: new Date(mondays[0] ?? now.getTime()) };
}
