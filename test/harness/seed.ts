import { SEED } from '../../cloudbase/seed';
import type { NewsItem, Opportunity } from '../../contract/models';

/** Seeding for tests: the same idempotent insert-if-absent that `npm start` uses. */
export { seedDatabase, type SeedInput, type SeedReport } from '../../tools/seed';
export { SEED };

const SOURCE = { title: 'Test fixture' };

/** A published news item with sensible defaults; tests state only what they are about. */
export function newsItem(fields: Partial<NewsItem> & Pick<NewsItem, '_id'>): NewsItem {
  const publishAt = fields.publishAt ?? new Date('2020-01-01T00:00:00Z');
  return {
    title: `标题 ${fields._id}`,
    summary: `摘要 ${fields._id}`,
    body: `正文 ${fields._id}`,
    category: 'other',
    tags: [],
    status: 'published',
    publishAt,
    pinned: false,
    source: SOURCE,
    createdAt: publishAt,
    updatedAt: publishAt,
    ...fields,
  };
}

/** A published opportunity with sensible defaults. */
export function opportunity(fields: Partial<Opportunity> & Pick<Opportunity, '_id'>): Opportunity {
  const publishedAt = fields.publishedAt ?? new Date('2020-01-01T00:00:00Z');
  return {
    category: 'research',
    title: `机会 ${fields._id}`,
    summary: `摘要 ${fields._id}`,
    body: `正文 ${fields._id}`,
    audience: `对象 ${fields._id}`,
    availability: 'by_arrangement',
    participation: 'enquiry',
    attachments: [],
    contact: { name: '联系人', email: 'contact@example.com' },
    status: 'published',
    source: SOURCE,
    createdAt: publishedAt,
    updatedAt: publishedAt,
    publishedAt,
    ...fields,
  };
}
