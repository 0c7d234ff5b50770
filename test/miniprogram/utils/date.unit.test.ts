import { displayDate, formatDate } from '../../../miniprogram/utils/date';

describe('dates in China time', () => {
  it('gives the China calendar day of an instant, whatever the device time zone', () => {
    expect(formatDate('2026-11-23T15:59:59.999Z')).toBe('2026年11月23日');
    expect(formatDate('2026-11-23T16:00:00.000Z')).toBe('2026年11月24日');
    expect(formatDate('2026-12-31T16:00:00Z')).toBe('2027年1月1日');
  });

  it('answers nothing for a missing or malformed date', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });

  it('prefers a label for content dated by year or season only', () => {
    expect(displayDate('2016-03-01T00:00:00Z', '2016年春')).toBe('2016年春');
    expect(displayDate('2016-03-01T00:00:00Z', null)).toBe('2016年3月1日');
  });
});
