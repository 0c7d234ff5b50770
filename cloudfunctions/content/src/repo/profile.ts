import { COLLECTIONS, PROFILE_ID } from '../../../../contract/constants';
import type { RegionProfile } from '../../../../contract/models';
import { db } from '../../../_shared/repo/db';

/** The region's profile (a single document), or null before it is seeded. */
export async function getProfile(): Promise<RegionProfile | null> {
  const { data } = await db.collection(COLLECTIONS.profile).doc(PROFILE_ID).get();
  return (data[0] as RegionProfile | undefined) ?? null;
}
