import { CHINA_OFFSET_MS, COLLECTIONS } from '../../../../contract/constants';
import type { EnquiryTopic } from '../../../../contract/models';
import { _, $, db } from '../../../_shared/repo/db';

export interface WeekCount {
  year: number;
  week: number;
  count: number;
}

/**
 * Enquiries since `from`, per ISO week (year, week) in China time. CloudBase's date operators take
 * a date only (no `timezone`), so each moment is shifted by UTC+8 first: its UTC week is then the
 * China-time week.
 */
export async function enquiriesPerIsoWeek(from: Date): Promise<WeekCount[]> {
  const date = $.add(['$createdAt', CHINA_OFFSET_MS]);
  const { data } = (await db
    .collection(COLLECTIONS.enquiries)
    .aggregate()
    .match({ createdAt: _.gte(from) })
    .group({ _id: { year: $.isoWeekYear(date), week: $.isoWeek(date) }, count: $.sum(1) })
    .end()) as { data: { _id: { year: number; week: number }; count: number }[] };
  return data.map((row) => ({ year: row._id.year, week: row._id.week, count: row.count }));
}

/** Enquiries since `from`, per topic. */
export async function enquiriesPerTopic(from: Date): Promise<{ topic: EnquiryTopic; count: number }[]> {
  const { data } = (await db
    .collection(COLLECTIONS.enquiries)
    .aggregate()
    .match({ createdAt: _.gte(from) })
    .group({ _id: '$topic', count: $.sum(1) })
    .end()) as { data: { _id: EnquiryTopic; count: number }[] };
  return data.map((row) => ({ topic: row._id, count: row.count }));
}

export async function countOpenEnquiries(): Promise<number> {
  const { total } = await db
    .collection(COLLECTIONS.enquiries)
    .where({ status: _.neq('closed') })
    .count();
  return total;
}
