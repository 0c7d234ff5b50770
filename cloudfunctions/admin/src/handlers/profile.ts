import { COLLECTIONS, PROFILE_ID } from '../../../../contract/constants';
import type { ContactInput, ProfileEditable, TimelineEntryInput } from '../../../../contract/api/admin';
import type { ContactInfo, FocusArea, RegionProfile, TimelineEntry } from '../../../../contract/models';
import { phoneNumberOf, yearIn } from '../../../../contract/rules';
import { AppError } from '../../../_shared/errors';
import type { Patch } from '../../../_shared/repo/write';
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

/** The contact card as staff edit it: the number as readers see it, in the one phone field. */
function contactInput({ mobile, ...rest }: ContactInfo): ContactInput {
  return { ...rest, phone: mobile.display };
}

/** The stored card: the display and dial forms derived from the number typed (the schema checked it can be). */
function contactInfo({ phone, ...rest }: NonNullable<ProfileSaveInput['contact']>): ContactInfo {
  const mobile = phoneNumberOf(phone);
  if (!mobile) throw new AppError('INTERNAL');
  return { ...rest, mobile };
}

/** The stored entry: its year read from its date label (the schema checked it names one). */
function timelineEntry(entry: TimelineEntryInput): TimelineEntry {
  const year = yearIn(entry.dateLabel);
  if (year === null) throw new AppError('INTERNAL');
  return { year, dateLabel: entry.dateLabel, title: entry.title, description: entry.description };
}

/** Everything staff can change on the profile, as the editor shows it. */
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
    contact: contactInput(profile.contact),
    timeline: profile.timeline.map(({ dateLabel, title, description }) => ({
      dateLabel,
      title,
      description,
    })),
    focusAreas: profile.focusAreas.map(({ id, title, titleOriginal, summary, paragraphs }) => ({
      id,
      title,
      titleOriginal,
      summary,
      paragraphs,
    })),
    images: compact({ hero: profile.heroImage, logo: profile.logo }),
    updatedAt: iso(profile.updatedAt),
  };
}

/** The stored fields for the parts given: each replaces its field whole. */
function patchOf(input: ProfileSaveInput, current: RegionProfile): Patch {
  const { contact, timeline, focusArea, images, ...texts } = input;
  const patch: Patch = compact({ ...texts });
  if (contact) patch.contact = contactInfo(contact);
  if (timeline) patch.timeline = timeline.map(timelineEntry);
  if (focusArea) {
    if (!current.focusAreas.some((area) => area.id === focusArea.id)) {
      throw new AppError('NOT_FOUND', messages.focusAreaNotFound);
    }
    patch.focusAreas = current.focusAreas.map((area): FocusArea =>
      area.id === focusArea.id ? { ...area, ...focusArea } : area,
    );
  }
  if (images) {
    // An image left out is removed (undefined clears the field).
    patch.heroImage = images.hero;
    patch.logo = images.logo;
  }
  return patch;
}

/** Replaces the parts given, each whole; the rest of the profile stays as it is. */
export async function profileSave(
  input: ProfileSaveInput,
  ctx: StaffContext,
): Promise<{ updatedAt: string }> {
  const parts = Object.keys(compact({ ...input }));
  return changeProfile(ctx.now, (current) => {
    const patch = patchOf(input, existing(current));
    return {
      patch: { ...patch, updatedAt: ctx.now },
      audit: {
        ...ctx.audit,
        target: TARGET,
        details: { parts, ...(input.focusArea ? { focusArea: input.focusArea.id } : {}) },
      },
      result: { updatedAt: iso(ctx.now) },
    };
  });
}
