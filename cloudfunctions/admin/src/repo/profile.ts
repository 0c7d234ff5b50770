import { COLLECTIONS, PROFILE_ID } from '../../../../contract/constants';
import type { RegionProfile } from '../../../../contract/models';
import { readOne } from '../../../_shared/repo/db';
import { decideAndWrite, type Decision } from '../../../_shared/repo/write';

export function readProfile(): Promise<RegionProfile | null> {
  return readOne<RegionProfile>(COLLECTIONS.profile, PROFILE_ID);
}

export function changeProfile<R>(now: Date, decide: (current: RegionProfile | null) => Decision<R>) {
  return decideAndWrite<RegionProfile, R>(COLLECTIONS.profile, PROFILE_ID, now, decide);
}
