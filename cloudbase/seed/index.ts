/**
 * The seed content, keyed by collection name. Every document has a stable `_id`, so seeding
 * (insert what is missing) is idempotent.
 */
import type { NewsItem, Opportunity, RegionDocument, RegionProfile } from '../../contract/models';
import { DOCUMENTS } from './documents';
import { NEWS } from './news';
import { OPPORTUNITIES } from './opportunities';
import { PROFILE } from './profile';

export interface SeedData {
  profile: RegionProfile[];
  news: NewsItem[];
  opportunities: Opportunity[];
  documents: RegionDocument[];
}

export const SEED: SeedData = {
  profile: [PROFILE],
  news: NEWS,
  opportunities: OPPORTUNITIES,
  documents: DOCUMENTS,
};
