import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED, type SeedData } from '../../cloudbase/seed';
import { CATEGORIES, COLLECTIONS, FOCUS_AREA_IDS, PROFILE_ID } from '../../contract/constants';
import { CATEGORY_LABELS } from '../../contract/messages.zh';
import { opportunitySave } from '../../contract/rules';
import { validate } from '../../contract/validate';
import type { SourceRef } from '../../contract/models';

/** The source's text: every year, season and section heading of the seed must be found in it. */
const SOURCE_TEXT = readFileSync(join(__dirname, '../../cloudbase/seed/source.en.txt'), 'utf8');

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

/** The years the source names, ascending. */
const SOURCE_YEARS = [...new Set([...SOURCE_TEXT.matchAll(YEAR)].map((m) => Number(m[0])))].sort();

/** The seasons a date label may name, as the source words them ('Spring 2016', 'late summer 2016'). */
const SEASONS: Record<string, string> = {
  春: 'spring',
  夏: 'summer',
  夏末: 'late summer',
  秋: 'autumn',
  冬: 'winter',
};

/** A pinned item older than this no longer belongs above newer news. */
const PIN_MAX_AGE_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The seed with the profile's `updatedAt` left out: that one is the seed's own date, not the source's. */
const SOURCE_FACTS = {
  ...SEED,
  profile: SEED.profile.map(({ updatedAt: _updatedAt, ...profile }) => profile),
};

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

/** The sentences of every string inside `value`. */
function sentences(value: unknown): string[] {
  return strings(value).flatMap((text) => text.split(/[。；！？\n]/).filter((sentence) => sentence.trim()));
}

/** Every date label of the seed: the news items' and the timeline's. */
function dateLabels(): string[] {
  return [
    ...SEED.news.map((item) => item.dateLabel ?? ''),
    ...(SEED.profile[0]?.timeline ?? []).map((entry) => entry.dateLabel),
  ];
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
      // A Chinese citation of the page, and the source's date as precisely as the source gives it.
      expect(doc.source.note).toContain('《Central Denmark Region and Shanghai》');
      expect(doc.source.asOf).toBe('2016年');
      // A section is named as the source heads it: a whole line of the source.
      if (doc.source.section)
        expect(SOURCE_TEXT.split('\n').map((line) => line.trim())).toContain(doc.source.section);
    }
  });

  it('reads the years 2006, 2013 and 2016 from the source', () => {
    expect(SOURCE_YEARS).toEqual([2006, 2013, 2016]);
  });

  it('names no year the source does not give', () => {
    const years = strings(SEED).flatMap((text) => [...text.matchAll(YEAR)].map((m) => Number(m[0])));
    expect(years.length).toBeGreaterThan(0);
    expect(years.filter((year) => !SOURCE_YEARS.includes(year))).toEqual([]);
    const dateYears = dates(SOURCE_FACTS).map((date) => date.getUTCFullYear());
    expect(dateYears.filter((year) => !SOURCE_YEARS.includes(year))).toEqual([]);
  });

  it('derives no facts: no founding year worked out from an anniversary, no arithmetic notes', () => {
    expect(strings(SEED).filter((text) => /2003|推算|推断|据此计算/.test(text))).toEqual([]);
  });

  it('names no day or month: the source gives years and seasons only', () => {
    expect(strings(SEED).filter((text) => /\d{1,2}\s*[月日号]|[一二三四五六七八九十]+月/.test(text))).toEqual(
      [],
    );
    for (const label of dateLabels()) {
      const [, year, season] = /^(\d{4})年(.*)$/.exec(label) ?? [];
      expect(SOURCE_YEARS).toContain(Number(year));
      if (season) expect(SOURCE_TEXT.toLowerCase()).toContain(`${SEASONS[season] ?? season} ${year}`);
    }
  });

  it('calls nothing current on the strength of a 2016 source', () => {
    expect(strings(SEED).filter((text) => text.includes('现行'))).toEqual([]);
    // A plan the source announced is told as announced then, not as still to come.
    const plans = sentences(SEED).filter((sentence) => /计划于|计划启动|将于|即将/.test(sentence));
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter((sentence) => !/据|宣布/.test(sentence))).toEqual([]);
  });

  it("dates the profile's 更新于 to when the seed was checked against the source: after it, not in the future", () => {
    const updatedAt = SEED.profile[0]?.updatedAt;
    expect(updatedAt?.getUTCFullYear()).toBeGreaterThan(Math.max(...SOURCE_YEARS));
    expect(updatedAt?.getTime()).toBeLessThanOrEqual(Date.now());
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

  it(`pins nothing older than ${PIN_MAX_AGE_DAYS} days`, () => {
    const oldest = Date.now() - PIN_MAX_AGE_DAYS * DAY_MS;
    const stale = SEED.news.filter((item) => item.pinned && (item.publishAt?.getTime() ?? 0) < oldest);
    expect(stale.map((item) => item.title)).toEqual([]);
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

  it('has a timeline covering the years of the source, 2006, 2013 and 2016, in ascending order', () => {
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
    // …so no text may claim one.
    expect(contact?.wechat.description).not.toMatch(/欢迎关注|开设了?账号|我们的(微信|公众号)/);
    // The source names the title, not whose secretariat it is: the office stays apart from it.
    expect(contact?.title).toBe('秘书处负责人');
  });

  it('keeps each key fact to what the source says, the MoU count with its year', () => {
    const facts = profile?.keyFacts ?? [];
    expect(facts.map((fact) => fact.label)).not.toContain('缔结时间');
    const mous = facts.find((fact) => fact.label.includes('谅解备忘录'));
    expect(mous?.value).toContain('截至2016年');
  });

  it('points its agreements at existing documents', () => {
    const documentIds = SEED.documents.map((doc) => doc._id);
    expect(profile?.agreements.documentIds).toEqual(documentIds);
  });
});

describe('opportunities', () => {
  /** The source's sections describing the region's own programmes, not something a partner takes up. */
  const OWN_PROGRAMMES = /Midtnet Kina|丹中文化|中丹文化|科研合作支持/;

  it('are each in one category, and together cover the partner-facing focus areas', () => {
    const categories = SEED.opportunities.map((item) => item.category);
    for (const category of categories) expect(CATEGORIES).toContain(category);
    expect([...categories].sort()).toEqual(['culture', 'knowledge', 'research']);
  });

  it('each say who it is for, how to take part and a status with a basis', () => {
    for (const item of SEED.opportunities) {
      expect(item.audience.trim()).not.toBe('');
      expect(['enquiry', 'visit']).toContain(item.participation);
      // The source gives no dates: nothing is "open until" a day, nothing is open without the office.
      expect(item.availability).toBe('by_arrangement');
      expect(item.deadline).toBeUndefined();
      expect(item.availabilityNote).toContain('国际事务办公室');
    }
    expect(SEED.opportunities.find((item) => item.category === 'knowledge')?.participation).toBe('visit');
  });

  it("pass the staff editor's own rules, so staff can save them unchanged", () => {
    for (const item of SEED.opportunities) {
      const { category, title, summary, body, audience, availability, availabilityNote, participation } =
        item;
      const input = {
        category,
        title,
        summary,
        body,
        audience,
        availability,
        participation,
        contact: item.contact,
      };
      expect(validate(opportunitySave, { ...input, availabilityNote }).problems).toEqual([]);
    }
  });

  it("describe no programme of the region's own: those live in the focus areas", () => {
    for (const item of SEED.opportunities) {
      expect([item.title, item.summary, item.body].join('\n')).not.toMatch(OWN_PROGRAMMES);
    }
    const paragraphs = (SEED.profile[0]?.focusAreas ?? []).flatMap((area) => area.paragraphs).join('\n');
    expect(paragraphs).toContain('Midtnet Kina');
    expect(paragraphs).toContain('中丹文化活动');
    expect(paragraphs).toContain('科研机构');
  });

  it('invent no deadlines or files and name the Head of Secretariat as contact', () => {
    for (const item of SEED.opportunities) {
      expect(item.status).toBe('published');
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

  it('point only at existing documents', () => {
    const documentIds = new Set(SEED.documents.map((doc) => doc._id));
    for (const item of SEED.opportunities)
      for (const id of item.documentIds ?? []) expect(documentIds.has(id)).toBe(true);
  });
});

describe('one vocabulary', () => {
  it('names each focus area by its category', () => {
    for (const area of SEED.profile[0]?.focusAreas ?? []) expect(area.title).toBe(CATEGORY_LABELS[area.id]);
  });

  it('files every news item under a category, tags staying secondary', () => {
    for (const item of SEED.news) expect(CATEGORIES).toContain(item.category);
  });

  it('calls the relationship 友好城市（友城）关系, never 姊妹', () => {
    const texts = [...strings(SEED.opportunities), ...strings(SEED.profile[0]?.focusAreas)];
    expect(texts.filter((text) => /姊妹|姐妹/.test(text))).toEqual([]);
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
