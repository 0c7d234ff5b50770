/**
 * Times as the office in Denmark reads them: Europe/Copenhagen, with the zone named (CET in winter,
 * CEST in summer). Node's ICU knows the zone's rules, so the change of clocks needs no table here.
 */

const DANISH_ZONE = 'Europe/Copenhagen';

/**
 * en-GB names the zone `CET`/`CEST` (en-US would say `GMT+1`); 24-hour clock. Made on first use: a
 * process's first `Intl.DateTimeFormat` loads ICU's zone data (about 25 ms of CPU), which every
 * cold start of admin would pay at load otherwise (bench/cold-start.ts).
 */
let parts: Intl.DateTimeFormat | undefined;
const danishParts = () =>
  (parts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: DANISH_ZONE,
    timeZoneName: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }));

export interface DanishTime {
  /** The Danish wall-clock time in the UTC fields of a Date (what a spreadsheet date cell holds). */
  wallClock: Date;
  /** `CET` or `CEST`. */
  zone: string;
  /** `2026-12-05 09:30 (CET)` */
  text: string;
}

export function danishTime(at: Date): DanishTime {
  const found = danishParts().formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    found.find((candidate) => candidate.type === type)?.value ?? '';
  const [year, month, day, hour, minute] = (['year', 'month', 'day', 'hour', 'minute'] as const).map(part);
  const zone = part('timeZoneName');
  return {
    wallClock: new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute))),
    zone,
    text: `${year}-${month}-${day} ${hour}:${minute} (${zone})`,
  };
}
