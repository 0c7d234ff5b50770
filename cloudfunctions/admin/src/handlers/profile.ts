import { COLLECTIONS, PROFILE_ID } from '../../../../contract/constants';
import type { ProfileEditable } from '../../../../contract/api/admin';
import type { RegionProfile } from '../../../../contract/models';
import { AppError } from '../../../_shared/errors';
import type { StaffContext } from '../guard';
import { messages } from '../i18n';
import { changeProfile, readProfile } from '../repo/profile';
import type { ProfileSaveInput } from '../schema';
import { compact, iso } from './common';

const TARGET = `${COLLECTIONS.profile}/${PROFILE_ID}`;

function existing(profile: RegionProfile | null): RegionProfile {
  if (!profile) throw new AppError('NOT_FOUND', messages.profileMissing);
  return profile;
}

/** The profile's editable texts and contact details. */
export async function profileGet(
  _input: Record<string, never>,
  _ctx: StaffContext,
): Promise<ProfileEditable> {
  const profile = existing(await readProfile());
  return {
    intro: profile.intro,
    keyFacts: profile.keyFacts,
    internationalOffice: profile.internationalOffice,
    representativeOffice: profile.representativeOffice,
    contact: profile.contact,
    updatedAt: iso(profile.updatedAt),
  };
}

/** Replaces the parts given, each whole; the rest of the profile stays as it is. */
export async function profileSave(
  input: ProfileSaveInput,
  ctx: StaffContext,
): Promise<{ updatedAt: string }> {
  const parts = compact({ ...input });
  return changeProfile(ctx.now, (current) => {
    existing(current);
    return {
      patch: { ...parts, updatedAt: ctx.now },
      audit: { ...ctx.audit, target: TARGET, details: { parts: Object.keys(parts) } },
      result: { updatedAt: iso(ctx.now) },
    };
  });
}
