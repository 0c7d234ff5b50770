import type { Page } from '../contract/api/common';
import type {
  ContactCard,
  HomeOutput,
  NewsDetail,
  NewsListInput,
  NewsListOutput,
  OpportunitiesListInput,
  OpportunityDetail,
  OpportunityListItem,
  ProfileOutput,
  SubscribeOutput,
} from '../contract/api/content';
import type { SubscriptionTopic } from '../contract/models';
import { call } from './cloud';

/*
 * The `content` function: everything the public pages show. Every read is retried once after a
 * network failure; `subscribe` is safe to retry too (the function caps open subscriptions), but
 * it follows a user's tap, so a failure is shown rather than hidden behind a second attempt.
 */

const READ = { retry: true } as const;

/** The home page's first screen in one call. */
export function home(): Promise<HomeOutput> {
  return call('content', 'home', {}, READ);
}

/** The region's profile: intro, focus areas, offices, agreements, contact. */
export function profile(): Promise<ProfileOutput> {
  return call('content', 'profile', {}, READ);
}

/** The 联系 page's card. */
export function contact(): Promise<ContactCard> {
  return call('content', 'contact', {}, READ);
}

/**
 * One page of published news, pinned first, then newest; pass `nextCursor` back unchanged. The
 * first page also names the categories that have published items.
 */
export function newsList(input: NewsListInput = {}): Promise<NewsListOutput> {
  return call('content', 'news.list', withoutEmpty(input), READ);
}

export function newsGet(id: string): Promise<NewsDetail> {
  return call('content', 'news.get', { id }, READ);
}

/** One page of published opportunities, optionally of one category. */
export function opportunitiesList(input: OpportunitiesListInput = {}): Promise<Page<OpportunityListItem>> {
  return call('content', 'opportunities.list', withoutEmpty(input), READ);
}

export function opportunitiesGet(id: string): Promise<OpportunityDetail> {
  return call('content', 'opportunities.get', { id }, READ);
}

/** Records one accepted one-time subscription (call after `wx.requestSubscribeMessage` said 'accept'). */
export function subscribe(topic: SubscriptionTopic): Promise<SubscribeOutput> {
  return call('content', 'subscribe', { topic });
}

/** The input without undefined, null or '' fields: the function rejects keys it does not expect to be empty. */
function withoutEmpty<T extends object>(input: T): T {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  ) as T;
}
