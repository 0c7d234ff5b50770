/**
 * The one source of all seed content, and how its imprecise dates are stored.
 *
 * Source: the Central Denmark Region's web page "Central Denmark Region and Shanghai" on rm.dk.
 * It gives no URL in its text, so none is recorded.
 */
import type { SourceRef } from '../../contract/models';

const SOURCE_TITLE = 'Central Denmark Region and Shanghai';
const SOURCE_PUBLISHER = '丹麦中日德兰大区官方网站（rm.dk）';

/** A reference to the source page, optionally naming the section an item draws on. */
export function fromSource(section?: string): SourceRef {
  return {
    title: SOURCE_TITLE,
    note: section ? `${SOURCE_PUBLISHER}，“${section}”部分` : SOURCE_PUBLISHER,
  };
}

/*
 * The source names years and seasons, never days, but a stored Date needs one. Convention:
 * a year is stored as 1 January of that year, a season as the first day of that meteorological
 * season (spring: 1 March), both at 00:00 UTC. The texts only ever name the year or season, and
 * `dateLabel` carries that precision to the screen.
 */

/** 2013: the 10th anniversary of the sister-city agreement. */
export const YEAR_2013 = new Date('2013-01-01T00:00:00Z');

/** Spring 2016: the decision to close the representative office in Shanghai. */
export const SPRING_2016 = new Date('2016-03-01T00:00:00Z');

/**
 * The state of affairs the source describes: after the spring-2016 decision and before the
 * late-summer-2016 launch of Midtnet Kina. Dated, by the convention above, to spring 2016.
 */
export const SOURCE_AS_OF = SPRING_2016;

/** The label for content dated `SOURCE_AS_OF`: the source pins it to 2016, not to a season. */
export const SOURCE_AS_OF_LABEL = '2016年';
