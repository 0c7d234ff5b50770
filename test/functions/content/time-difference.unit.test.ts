import { timeDifference } from '../../../cloudfunctions/content/src/time-difference';

describe('time difference between Beijing and Denmark', () => {
  it.each([
    ['in winter', '2026-12-05T02:00:00Z', { hoursBehind: 7, summerTime: false, otherSeasonHoursBehind: 6 }],
    [
      'in summer time',
      '2026-07-01T10:00:00Z',
      { hoursBehind: 6, summerTime: true, otherSeasonHoursBehind: 7 },
    ],
    // Summer time starts at 01:00 UTC on the last Sunday of March and ends at 01:00 UTC on the last Sunday of October.
    [
      'just before summer time starts',
      '2026-03-29T00:59:00Z',
      { hoursBehind: 7, summerTime: false, otherSeasonHoursBehind: 6 },
    ],
    [
      'as summer time starts',
      '2026-03-29T01:00:00Z',
      { hoursBehind: 6, summerTime: true, otherSeasonHoursBehind: 7 },
    ],
    [
      'just before summer time ends',
      '2026-10-25T00:59:00Z',
      { hoursBehind: 6, summerTime: true, otherSeasonHoursBehind: 7 },
    ],
    [
      'as summer time ends',
      '2026-10-25T01:00:00Z',
      { hoursBehind: 7, summerTime: false, otherSeasonHoursBehind: 6 },
    ],
  ])('%s (%s)', (_when, at, expected) => {
    expect(timeDifference(new Date(at))).toEqual(expected);
  });
});
