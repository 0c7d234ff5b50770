import { COLLECTIONS } from '../../../../contract/constants';
import type { EnquiryTopic } from '../../../../contract/models';
import { _, $, db } from '../../../_shared/repo/db';

/** Weeks are counted in China time. */
export const CHINA_TIMEZONE = '+08:00';

export interface WeekCount {
  year: number;
  week: number;
  count: number;
}

/** Enquiries since `from`, per ISO week (year, week) in China time. */
export async function enquiriesPerIsoWeek(from: Date): Promise<WeekCount[]> {
  const date = { date: '$createdAt', timezone: CHINA_TIMEZONE };
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
