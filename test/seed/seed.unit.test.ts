import { SEED, type SeedData } from '../../cloudbase/seed';
import { COLLECTIONS, FOCUS_AREA_IDS, OPPORTUNITY_KINDS, PROFILE_ID } from '../../contract/constants';
import type { SourceRef } from '../../contract/models';

/** The years the source gives (2003 derived from the 10th anniversary in 2013). */
const SOURCE_YEARS = [2003, 2006, 2013, 2016];

/** [collection name, its seeded documents], for checks every collection must pass. */
const byCollection: [string, readonly { _id: string; source: SourceRef }[]][] = (
  Object.keys(SEED) as (keyof SeedData)[]
).map((name) => [name, SEED[name]]);

/** Every string anywhere inside `value`, keys excluded. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.values(value).flatMap(strings);
  }
  return [];
}

/** Every Date anywhere inside `value`. */
function dates(value: unknown): Date[] {
  if (value instanceof Date) return [value];
  if (Array.isArray(value)) return value.flatMap(dates);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(dates);
  return [];
}

describe('seed content', () => {
  it('is keyed by real collection names', () => {
    const collections: string[] = Object.values(COLLECTIONS);
    for (const key of Object.keys(SEED)) expect(collections).toContain(key);
  });

  it.each(byCollection)('%s: every document has a unique _id', (_name, docs) => {
    const ids = docs.map((doc) => doc._id);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(byCollection)('%s: every document records its source', (_name, docs) => {
    for (const doc of docs) {
      expect(doc.source.title).toBe('Central Denmark Region and Shanghai');
      // The source gives no URL: none may be made up.
      expect(doc.source.url).toBeUndefined();
    }
  });

  it('names no year the source does not give', () => {
    const yearPattern = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;
    const years = strings(SEED).flatMap((text) => [...text.matchAll(yearPattern)].map((m) => Number(m[0])));
    expect(years.length).toBeGreaterThan(0);
    expect(years.filter((year) => !SOURCE_YEARS.includes(year))).toEqual([]);
    const dateYears = dates(SEED).map((date) => date.getUTCFullYear());
    expect(dateYears.filter((year) => !SOURCE_YEARS.includes(year))).toEqual([]);
  });

  it('contains no raw HTML anywhere', () => {
    expect(strings(SEED).filter((text) => /<\/?[a-z][^>]*>/i.test(text))).toEqual([]);
  });
});

describe('news', () => {
  it('is all published, with a publish date in the past and a Markdown body', () => {
    expect(SEED.news.length).toBeGreaterThanOrEqual(4);
    const now = Date.now();
    for (const item of SEED.news) {
      expect(item.status).toBe('published');
      expect(item.publishAt).toBeInstanceOf(Date);
      expect(item.publishAt?.getTime()).toBeLessThan(now);
      expect(item.publishedAt).toEqual(item.publishAt);
      expect(item.dateLabel).toMatch(/^\d{4}年/);
      expect(item.body.trim().length).toBeGreaterThan(item.summary.length);
      expect(item.title.trim()).not.toBe('');
      expect(item.tags.length).toBeGreaterThan(0);
    }
  });

  it('pins at most one item', () => {
    expect(SEED.news.filter((item) => item.pinned).length).toBeLessThanOrEqual(1);
  });
});

describe('profile', () => {
  const [profile, ...others] = SEED.profile;

  it('is a single document with the fixed id', () => {
    expect(others).toEqual([]);
    expect(profile?._id).toBe(PROFILE_ID);
  });

  it('has exactly the four focus areas, each with a distinct id and an icon', () => {
    expect(profile?.focusAreas.map((area) => area.id)).toEqual([...FOCUS_AREA_IDS]);
    for (const area of profile?.focusAreas ?? []) {
      expect(area.icon).toMatch(/^[a-z][a-z-]*$/);
      expect(area.paragraphs.length).toBeGreaterThan(0);
    }
  });

  it('has a timeline covering 2003, 2006, 2013 and 2016 in ascending order', () => {
    const years = profile?.timeline.map((entry) => entry.year) ?? [];
    expect([...new Set(years)]).toEqual(SOURCE_YEARS);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    for (const entry of profile?.timeline ?? [])
      expect(entry.dateLabel.startsWith(`${entry.year}年`)).toBe(true);
  });

  it('gives the contact exactly as the source does', () => {
    const contact = profile?.contact;
    expect(contact?.name).toBe('Pia Fabrin');
    expect(contact?.titleOriginal).toBe('Head of Secretariat');
    expect(contact?.email).toBe('pia.fabrin@ru.rm.dk');
    expect(contact?.mobile).toEqual({ display: '+45 2160 1445', dial: '+4521601445' });
    expect(contact?.address.linesOriginal).toEqual([
      'Regional Headquarter',
      'Skottenborg 26',
      'DK-8800 Viborg',
      'Denmark',
    ]);
    // The source names LinkedIn and WeChat but gives no address or account for either.
    expect(contact?.linkedin.url).toBeUndefined();
    expect(contact?.linkedin.accountName).toBeUndefined();
    expect(contact?.wechat.url).toBeUndefined();
    expect(contact?.wechat.accountName).toBeUndefined();
  });

  it('points its agreements at existing documents', () => {
    const documentIds = SEED.documents.map((doc) => doc._id);
    expect(profile?.agreements.documentIds).toEqual(documentIds);
  });
});

describe('opportunities', () => {
  it('use only valid kinds, one opportunity per kind', () => {
    const kinds = SEED.opportunities.map((item) => item.kind);
    expect([...kinds].sort()).toEqual([...OPPORTUNITY_KINDS].sort());
  });

  it('invent no deadlines or files and name the Head of Secretariat as contact', () => {
    for (const item of SEED.opportunities) {
      expect(item.status).toBe('published');
      expect(item.deadline).toBeUndefined();
      expect(item.attachments).toEqual([]);
      expect(item.contact).toEqual({
        name: 'Pia Fabrin',
        title: '秘书处负责人',
        email: 'pia.fabrin@ru.rm.dk',
        phone: '+45 2160 1445',
      });
      expect(item.body).toContain('国际事务办公室');
    }
  });

  it('link MoU opportunities to existing documents', () => {
    const documentIds = new Set(SEED.documents.map((doc) => doc._id));
    const mous = SEED.opportunities.filter((item) => item.kind === 'mou');
    expect(mous.length).toBeGreaterThan(0);
    for (const mou of mous) {
      expect(mou.documentIds?.length).toBeGreaterThan(0);
      for (const id of mou.documentIds ?? []) expect(documentIds.has(id)).toBe(true);
    }
  });
});

describe('documents', () => {
  it('are the two MoUs, without a file we do not have', () => {
    expect(SEED.documents.map((doc) => doc.counterparty)).toEqual(['上海市', '上海市科学技术委员会']);
    for (const doc of SEED.documents) {
      expect(doc.fileId).toBeUndefined();
      expect(doc.availability).toBe('可向国际事务办公室索取');
    }
  });
});
