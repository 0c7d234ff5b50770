import type { HomeOutput } from '../../../../contract/api/content';
import { AppError } from '../../../_shared/errors';
import type { Context } from '../../../_shared/function';
import { HOME_NEWS_COUNT, HOME_OPPORTUNITIES_COUNT } from '../constants';
import {
  contactSummary,
  coverFileIds,
  isoOf,
  newsListItem,
  opportunityListItem,
  profileImageFileIds,
  profileImageOf,
} from '../present';
import { tempFileUrls } from '../repo/files';
import { listVisibleNews } from '../repo/news';
import { listOpenOpportunities } from '../repo/opportunities';
import { getProfile } from '../repo/profile';
import type { NoInput } from '../schema';

/** The home page's first screen in one call: cards and summaries only, no Markdown bodies. */
export async function home(_input: NoInput, ctx: Context): Promise<HomeOutput> {
  const [profile, news, opportunities] = await Promise.all([
    getProfile(),
    listVisibleNews({ now: ctx.now, after: null, limit: HOME_NEWS_COUNT }),
    listOpenOpportunities(ctx.now, HOME_OPPORTUNITIES_COUNT),
  ]);
  if (!profile) throw new AppError('NOT_FOUND');
  const urls = await tempFileUrls([
    ...profileImageFileIds(profile),
    ...news.items.flatMap((doc) => coverFileIds(doc.cover)),
  ]);
  return {
    hero: {
      name: profile.name,
      partner: profile.partner,
      image: profileImageOf(profile.heroImage, urls),
      logo: profileImageOf(profile.logo, urls),
    },
    intro: { title: profile.intro.title, lead: profile.intro.paragraphs[0] ?? '' },
    keyFacts: profile.keyFacts,
    timeline: profile.timeline,
    focusAreas: profile.focusAreas.map(({ id, title, summary, icon }) => ({ id, title, summary, icon })),
    latestNews: news.items.map((doc) => newsListItem(doc, urls)),
    featuredOpportunities: opportunities.map((doc) => opportunityListItem(doc, ctx.now)),
    contact: contactSummary(profile, ctx.now),
    sourceAsOf: profile.source.asOf ?? null,
    updatedAt: isoOf(profile.updatedAt),
  };
}
