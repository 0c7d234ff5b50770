/**
 * The one source of all seed content, and how its imprecise dates are stored.
 *
 * Source: the Central Denmark Region's web page "Central Denmark Region and Shanghai" on rm.dk,
 * whose text is kept beside this file (`source.en.txt`) so the seed tests can hold every year,
 * season and section heading of the seed against it. It gives no URL, so none is recorded. The page is undated; it was written in 2016
 * (it reports a decision of spring 2016 and announces a launch for late summer 2016), so every
 * statement it makes is "as of 2016" and is told that way.
 */
import type { SourceRef } from '../../contract/models';

const SOURCE_TITLE = 'Central Denmark Region and Shanghai';
const SOURCE_PUBLISHER = '丹麦中日德兰大区官方网站（rm.dk）';

/** The source's date, at the precision it allows: the year (no season is certain). */
export const SOURCE_AS_OF_LABEL = '2016年';

/** The source's section headings as it writes them, with the Chinese name readers see. */
const SECTIONS = {
  'Business and Regional Development': '商业与区域发展',
  'Knowledge Exchange and Visits': '知识交流与互访',
  'Research and Education': '科研与教育',
  'Cultural- and Educational Exchange': '文化与教育交流',
  'Contact Information': '联系方式',
  'Memorandum of Understanding (MoU)': '谅解备忘录',
  'Our Representative Office in Shanghai': '驻上海代表处',
} as const;

export type SourceSection = keyof typeof SECTIONS;

/**
 * A reference to the source page, optionally naming the section an item draws on: the heading as
 * the source writes it (`section`, for the record) and a Chinese citation for readers (`note`).
 */
export function fromSource(section?: SourceSection): SourceRef {
  const cited = `${SOURCE_PUBLISHER}《${SOURCE_TITLE}》`;
  return {
    title: SOURCE_TITLE,
    note: section ? `${cited}“${SECTIONS[section]}”一节` : cited,
    ...(section ? { section } : {}),
    asOf: SOURCE_AS_OF_LABEL,
  };
}

/*
 * The source names years and seasons, never days, but a stored Date needs one. Convention:
 * a year is stored as 1 January of that year, a season as the first day of that meteorological
 * season (spring: 1 March), both at 00:00 UTC. No reader ever sees that day: the texts name only
 * the year or season, and `dateLabel` carries that precision to the screen.
 */

/** 2013: the 10th anniversary of the sister-city agreement. */
export const YEAR_2013 = new Date('2013-01-01T00:00:00Z');

/** Spring 2016: the decision to close the representative office in Shanghai. */
export const SPRING_2016 = new Date('2016-03-01T00:00:00Z');

/**
 * The state of affairs the source describes: after the spring-2016 decision and before the
 * late-summer-2016 launch of Midtnet Kina. Dated, by the convention above, to spring 2016, and
 * labelled `SOURCE_AS_OF_LABEL`.
 */
export const SOURCE_AS_OF = SPRING_2016;

/**
 * When these seed texts were last checked against the source: the profile's `updatedAt` (its
 * 更新于) until staff save the profile. A fact about this app's content, not about the source.
 */
export const SEED_CHECKED_AT = new Date('2026-12-05T00:00:00+08:00');
