import { ENQUIRY_TOPICS } from '../../../../contract/constants';
import type { DashboardOutput } from '../../../../contract/api/admin';
import type { StaffContext } from '../guard';
import { NEWS_TOPIC } from '../../../_shared/models';
import { countPublishedNews } from '../repo/news';
import { countOpenEnquiries, enquiriesPerIsoWeek, enquiriesPerTopic } from '../repo/stats';
import { countOpenSubscribers } from '../../../_shared/repo/subscriptions';
import { lastWeeks } from '../weeks';

export const DASHBOARD_WEEKS = 12;

const weekLabel = (week: { year: number; week: number }) =>
  `${week.year}-W${String(week.week).padStart(2, '0')}`;

export async function dashboard(_input: Record<string, never>, ctx: StaffContext): Promise<DashboardOutput> {
  const { weeks, from } = lastWeeks(ctx.now, DASHBOARD_WEEKS);
  const [perWeek, perTopic, openEnquiries, newsPublished, subscribers] = await Promise.all([
    enquiriesPerIsoWeek(from),
    enquiriesPerTopic(from),
    countOpenEnquiries(),
    countPublishedNews(),
    countOpenSubscribers(NEWS_TOPIC),
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
  };
}
