import { ENQUIRY_TOPICS } from '../../../../contract/constants';
import type { DashboardOutput, DashboardVisit } from '../../../../contract/api/admin';
import type { Enquiry, EnquiryStatus } from '../../../../contract/models';
import type { StaffContext } from '../guard';
import { ENQUIRY_ALERT_TOPIC, NEWS_TOPIC } from '../../../_shared/models';
import { countEnquiries, listEnquiries } from '../repo/enquiries';
import { countPublishedNews } from '../repo/news';
import { countOpenEnquiries, enquiriesPerIsoWeek, enquiriesPerTopic } from '../repo/stats';
import { countOpenOf, countOpenSubscribers } from '../../../_shared/repo/subscriptions';
import { lastWeeks } from '../weeks';
import { MAX_OPEN_ALERTS } from './alerts';

export const DASHBOARD_WEEKS = 12;
/** New visit requests listed on the dashboard; the rest are one tap away in the inbox. */
export const DASHBOARD_VISITS = 3;

const NEW_STATUSES: readonly EnquiryStatus[] = ['received', 'pending_review'];

function visitOf(doc: Enquiry): DashboardVisit {
  return {
    id: doc._id,
    ref: doc.ref ?? '',
    organization: doc.organization,
    from: doc.visit?.from ?? '',
    to: doc.visit?.to ?? '',
    groupSize: doc.visit?.groupSize ?? 0,
  };
}

const weekLabel = (week: { year: number; week: number }) =>
  `${week.year}-W${String(week.week).padStart(2, '0')}`;

export async function dashboard(_input: Record<string, never>, ctx: StaffContext): Promise<DashboardOutput> {
  const { weeks, from } = lastWeeks(ctx.now, DASHBOARD_WEEKS);
  const newVisits = { statuses: NEW_STATUSES, kind: 'visit' } as const;
  const [
    perWeek,
    perTopic,
    openEnquiries,
    newsPublished,
    subscribers,
    newEnquiries,
    visitCount,
    visits,
    alerts,
  ] = await Promise.all([
    enquiriesPerIsoWeek(from),
    enquiriesPerTopic(from),
    countOpenEnquiries(),
    countPublishedNews(),
    countOpenSubscribers(NEWS_TOPIC),
    countEnquiries({ statuses: NEW_STATUSES }),
    countEnquiries(newVisits),
    listEnquiries(newVisits, null, DASHBOARD_VISITS),
    countOpenOf(ctx.actor, ENQUIRY_ALERT_TOPIC),
  ]);
  const weekCounts = new Map(perWeek.map((row) => [weekLabel(row), row.count]));
  const topicCounts = new Map(perTopic.map((row) => [row.topic, row.count]));
  return {
    enquiriesPerWeek: weeks.map((week) => ({
      week: weekLabel(week),
      start: week.start,
      count: weekCounts.get(weekLabel(week)) ?? 0,
    })),
    enquiriesPerTopic: ENQUIRY_TOPICS.map((topic) => ({ topic, count: topicCounts.get(topic) ?? 0 })),
    openEnquiries,
    newsPublished,
    subscribers,
    newEnquiries,
    newVisits: { count: visitCount, items: visits.items.map(visitOf) },
    alerts: { open: alerts, max: MAX_OPEN_ALERTS },
  };
}
