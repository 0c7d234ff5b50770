/**
 * A bar chart made of views (no canvas, no chart library): columns for a series over time, rows
 * for categories with long names. Each bar is sized against the largest count and carries its
 * own spoken description, since a screen reader cannot see heights.
 */

export interface Bar {
  key: string;
  /** Under a column or beside a row, e.g. `W05` or a topic name. */
  label: string;
  count: number;
  /** What a screen reader says, e.g. `第 5 周（2026-01-26 起）：3 条`. */
  description: string;
}

interface SizedBar extends Bar {
  /** Percent of the largest count; at least a sliver for a non-zero count. */
  size: number;
}

/** The smallest visible bar for a count above zero, in percent. */
const MIN_VISIBLE_PERCENT = 2;

function sized(bars: readonly Bar[]): SizedBar[] {
  const max = bars.reduce((most, bar) => Math.max(most, bar.count), 0);
  return bars.map((bar) => ({
    ...bar,
    size:
      max === 0 || bar.count === 0 ? 0 : Math.max(MIN_VISIBLE_PERCENT, Math.round((bar.count / max) * 100)),
  }));
}

Component({
  properties: {
    bars: { type: Array, value: [] },
    /** `columns` (vertical bars) or `rows` (horizontal bars). */
    layout: { type: String, value: 'columns' },
    /** Shown instead of the bars when every count is zero. */
    emptyText: { type: String, value: '' },
  },
  data: {
    items: [] as SizedBar[],
    allZero: true,
  },
  observers: {
    bars(bars: Bar[]) {
      this.setData({ items: sized(bars), allZero: bars.every((bar) => bar.count === 0) });
    },
  },
});
