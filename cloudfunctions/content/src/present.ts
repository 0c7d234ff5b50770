import type {
  ContactCard,
  ContactSummary,
  Cover,
  DocumentSummary,
  NewsListItem,
  OfficeInfo,
  OpportunityListItem,
} from '../../../contract/api/content';
import { CHINA_OFFSET_MS, DEFAULT_CATEGORY } from '../../../contract/constants';
import type {
  Availability,
  CoverImage,
  ProfileImage,
  RegionDocument,
  RegionProfile,
} from '../../../contract/models';
import { responseWorkingDays } from '../../_shared/response';
import type { NewsListDoc } from './repo/news';
import type { OpportunityListDoc } from './repo/opportunities';
import { timeDifference } from './time-difference';

/**
 * Documents → the shapes the mini program receives (contract/api/content). Pure: file URLs come in
 * already resolved, as a map from fileID to temporary URL.
 */

export type FileUrls = ReadonlyMap<string, string>;

/** '2026年11月23日', or the stored label when only the year or season is known. */
export function dateLabelOf(date: Date, label?: string): string {
  if (label) return label;
  const local = new Date(date.getTime() + CHINA_OFFSET_MS);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

export function isoOf(date: Date | string): string {
  return new Date(date).toISOString();
}

/** The cloud files a cover needs resolved. */
export function coverFileIds(cover: CoverImage | undefined): string[] {
  return cover?.fileId ? [cover.fileId] : [];
}

const HTTPS = /^https:\/\//i;

/** A stored file's temporary URL, else the cover's own https URL; null when there is neither. */
export function coverOf(cover: CoverImage | undefined, urls: FileUrls): Cover | null {
  if (!cover) return null;
  const url = cover.fileId
    ? urls.get(cover.fileId)
    : cover.url && HTTPS.test(cover.url)
      ? cover.url
      : undefined;
  return url ? { url, alt: cover.alt } : null;
}

export function newsListItem(doc: NewsListDoc, urls: FileUrls): NewsListItem {
  const publishAt = new Date(doc.publishAt);
  return {
    id: doc._id,
    title: doc.title,
    summary: doc.summary,
    cover: coverOf(doc.cover, urls),
    // Items written before categories existed read as the default.
    category: doc.category ?? DEFAULT_CATEGORY,
    tags: doc.tags ?? [],
    pinned: doc.pinned === true,
    publishAt: publishAt.toISOString(),
    dateLabel: dateLabelOf(publishAt, doc.dateLabel),
  };
}

/** Whether one can take part as of `now`: "open until" a deadline that has passed is closed. */
export function availabilityAt(
  doc: Pick<OpportunityListDoc, 'availability' | 'deadline'>,
  now: Date,
): Availability {
  if (doc.availability !== 'open_until') return doc.availability;
  return doc.deadline && new Date(doc.deadline).getTime() >= now.getTime() ? 'open_until' : 'closed';
}

export function opportunityListItem(doc: OpportunityListDoc, now: Date): OpportunityListItem {
  const publishedAt = new Date(doc.publishedAt);
  return {
    id: doc._id,
    category: doc.category,
    title: doc.title,
    summary: doc.summary,
    audience: doc.audience,
    availability: availabilityAt(doc, now),
    deadline: doc.availability === 'open_until' && doc.deadline ? isoOf(doc.deadline) : null,
    publishedAt: publishedAt.toISOString(),
    dateLabel: dateLabelOf(publishedAt, doc.dateLabel),
  };
}

export function documentFileIds(docs: readonly RegionDocument[]): string[] {
  return docs.flatMap((doc) => (doc.fileId ? [doc.fileId] : []));
}

export function documentSummary(doc: RegionDocument, urls: FileUrls): DocumentSummary {
  return {
    id: doc._id,
    title: doc.title,
    titleOriginal: doc.titleOriginal,
    counterparty: doc.counterparty,
    summary: doc.summary,
    availability: doc.availability,
    hasFile: Boolean(doc.fileId),
    url: (doc.fileId && urls.get(doc.fileId)) || null,
  };
}

export function officeOf(profile: RegionProfile): OfficeInfo {
  const { name, nameOriginal, location, description } = profile.internationalOffice;
  return { name, nameOriginal, location, description };
}

/** The cloud files of the home page's images. */
export function profileImageFileIds(profile: RegionProfile): string[] {
  return [profile.heroImage, profile.logo].flatMap((image) => (image ? [image.fileId] : []));
}

/** A profile image with its temporary URL; null when there is none or its file cannot be found. */
export function profileImageOf(image: ProfileImage | undefined, urls: FileUrls): Cover | null {
  const url = image && urls.get(image.fileId);
  return image && url ? { url, alt: image.alt } : null;
}

/** The contact card; `now` dates the time difference to Denmark. */
export function contactCard(profile: RegionProfile, now: Date): ContactCard {
  const { contact } = profile;
  return {
    name: contact.name,
    salutation: contact.salutation,
    title: contact.title,
    titleOriginal: contact.titleOriginal,
    email: contact.email,
    phone: contact.mobile,
    address: contact.address,
    linkedin: contact.linkedin,
    wechat: contact.wechat,
    office: officeOf(profile),
    location: contact.location ?? null,
    timeDifference: timeDifference(now),
    responseWorkingDays: responseWorkingDays(),
  };
}

export function contactSummary(profile: RegionProfile, now: Date): ContactSummary {
  const { contact } = profile;
  return {
    name: contact.name,
    salutation: contact.salutation,
    title: contact.title,
    email: contact.email,
    phone: contact.mobile,
    office: profile.internationalOffice.name,
    timeDifference: timeDifference(now),
  };
}
