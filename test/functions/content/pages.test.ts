import { startTestCloud, type TestCloud } from '../../harness/local-cloud';
import { SEED, seedDatabase } from '../../harness/seed';
import { timeDifference } from '../../../cloudfunctions/content/src/time-difference';
import { RESPONSE_WORKING_DAYS_DEFAULT } from '../../../contract/constants';
import { contentClient, failure, ok } from './client';

/** The home page's first setData must stay small (budget from the page's performance target). */
const HOME_BUDGET_BYTES = 32 * 1024;

let t: TestCloud;
let content: ReturnType<typeof contentClient>;
// Expected content comes from the seed module, so rewording the seed does not break these tests.
const profile = SEED.profile[0]!;
const contactPerson = profile.contact;

beforeAll(async () => {
  t = await startTestCloud();
  content = contentClient(t);
  await seedDatabase(t.app);
});
afterAll(async () => {
  await t.close();
});

describe('home', () => {
  it('answers the first screen in one call: profile facts, focus areas, latest news, open opportunities, contact', async () => {
    const home = ok(await content.call('home', {}));
    // No image or logo until staff upload them.
    expect(home.hero).toEqual({ name: profile.name, partner: profile.partner, image: null, logo: null });
    expect(home.intro).toEqual({ title: profile.intro.title, lead: profile.intro.paragraphs[0] });
    expect(home.keyFacts).toEqual(profile.keyFacts);
    expect(home.timeline.map((entry) => entry.dateLabel)).toEqual(
      profile.timeline.map((entry) => entry.dateLabel),
    );
    expect(home.focusAreas).toEqual(
      profile.focusAreas.map(({ id, title, summary, icon }) => ({ id, title, summary, icon })),
    );
    expect(home.contact).toEqual({
      name: contactPerson.name,
      salutation: contactPerson.salutation,
      title: contactPerson.title,
      email: contactPerson.email,
      phone: contactPerson.mobile,
      office: profile.internationalOffice.name,
      timeDifference: timeDifference(new Date()),
    });
  });

  it("says how current it is: the source's date as the source gives it, and when the profile was saved", async () => {
    const home = ok(await content.call('home', {}));
    expect(home.sourceAsOf).toBe('2016年');
    expect(home.sourceAsOf).toBe(profile.source.asOf);
    expect(home.updatedAt).toBe(profile.updatedAt.toISOString());
  });

  it('lists the same first three news items as the news tab, newest first: the seed pins nothing', async () => {
    const home = ok(await content.call('home', {}));
    const firstPage = ok(await content.call('news.list', { limit: 3 }));
    expect(home.latestNews).toEqual(firstPage.items);
    expect(home.latestNews.map((item) => item.id)).toEqual([
      // Equal publish times (the seed's 2016 items) fall back to the id, descending.
      'news-delegation-visits',
      'news-current-mous',
      'news-2016-representative-office',
    ]);
    const visits = SEED.news.find((item) => item._id === 'news-delegation-visits')!;
    expect(home.latestNews[0]).toEqual({
      id: visits._id,
      title: visits.title,
      summary: visits.summary,
      cover: null,
      category: visits.category,
      tags: visits.tags,
      pinned: false,
      publishAt: visits.publishAt!.toISOString(),
      dateLabel: visits.dateLabel,
    });
  });

  it('features only opportunities one can take part in now, at most three', async () => {
    const home = ok(await content.call('home', {}));
    expect(home.featuredOpportunities).toHaveLength(3);
    const open = new Set(
      SEED.opportunities.filter((item) => item.availability !== 'closed').map((item) => item._id),
    );
    for (const item of home.featuredOpportunities) {
      expect(open.has(item.id)).toBe(true);
      expect(item.availability).not.toBe('closed');
    }
  });

  it('stays within the first-setData budget and carries no Markdown bodies', async () => {
    const res = await content.call('home', {});
    const json = JSON.stringify(ok(res));
    expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(HOME_BUDGET_BYTES);
    expect(json).not.toMatch(/"(body|paragraphs)":/);
    expect(json).not.toContain('## ');
  });

  it('refuses any input it does not take', async () => {
    const error = failure(await content.raw({ action: 'home', data: { preview: true } }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.fields).toEqual({ preview: '不支持的字段' });
  });
});

describe('profile', () => {
  it('answers the whole profile with the focus areas in full and the MoUs', async () => {
    const data = ok(await content.call('profile', {}));
    expect(data.name).toEqual(profile.name);
    expect(data.intro).toEqual(profile.intro);
    expect(data.focusAreas).toEqual(profile.focusAreas);
    expect(data.internationalOffice).toEqual(profile.internationalOffice);
    expect(data.representativeOffice).toEqual(profile.representativeOffice);
    expect(data.agreements.title).toBe(profile.agreements.title);
    expect(data.agreements.documents).toEqual(
      SEED.documents.map((doc) => ({
        id: doc._id,
        title: doc.title,
        titleOriginal: doc.titleOriginal,
        counterparty: doc.counterparty,
        summary: doc.summary,
        availability: doc.availability,
        hasFile: false,
        url: null,
      })),
    );
    expect(data.contact.email).toBe(contactPerson.email);
    expect(data.source.title).toBe(profile.source.title);
    expect(data.updatedAt).toBe(profile.updatedAt.toISOString());
  });
});

describe('contact', () => {
  it('answers the contact card as the source gives it, with a dialable number', async () => {
    const card = ok(await content.call('contact', {}));
    expect(card).toEqual({
      name: contactPerson.name,
      salutation: contactPerson.salutation,
      title: contactPerson.title,
      titleOriginal: contactPerson.titleOriginal,
      email: contactPerson.email,
      phone: contactPerson.mobile,
      address: profile.contact.address,
      linkedin: profile.contact.linkedin,
      wechat: profile.contact.wechat,
      office: profile.internationalOffice,
      // The source gives no coordinates: no map until staff choose the place.
      location: null,
      // Denmark's clock today (server time, Europe/Copenhagen with its summer time).
      timeDifference: timeDifference(new Date()),
      responseWorkingDays: RESPONSE_WORKING_DAYS_DEFAULT,
    });
    // The source names LinkedIn and WeChat but gives no account: none is made up.
    expect(card.linkedin.url).toBeUndefined();
    expect(card.wechat.accountName).toBeUndefined();
    expect(card.wechat.username).toBeUndefined();
  });
});

describe('what the public reads', () => {
  const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

  /** Every string anywhere inside `value`, keys excluded. */
  function strings(value: unknown): string[] {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(strings);
    if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
    return [];
  }

  it('shows no day or month the source does not give, no derived founding year, no arithmetic note', async () => {
    const answers: unknown[] = [
      ok(await content.call('home', {})),
      ok(await content.call('profile', {})),
      ok(await content.call('contact', {})),
    ];
    const news = ok(await content.call('news.list', { limit: 20 }));
    const opportunities = ok(await content.call('opportunities.list', {}));
    answers.push(news, opportunities);
    for (const { id } of news.items) answers.push(ok(await content.call('news.get', { id })));
    for (const { id } of opportunities.items)
      answers.push(ok(await content.call('opportunities.get', { id })));
    // Instants (publishAt, updatedAt) are for ordering and for the page's own 更新于; readers see labels.
    const texts = strings(answers).filter((text) => !ISO_INSTANT.test(text));
    expect(texts.filter((text) => /\d{1,2}\s*[月日]/.test(text))).toEqual([]);
    expect(texts.filter((text) => /2003|推算/.test(text))).toEqual([]);
  });
});

describe('the envelope', () => {
  it('refuses an unknown action', async () => {
    const error = failure(await content.raw({ action: 'news.delete', data: { id: 'news-current-mous' } }));
    expect(error).toEqual({ code: 'INVALID_ARGUMENT', message: '不支持的操作' });
  });

  it('refuses an action name that is an inherited property', async () => {
    expect(failure(await content.raw({ action: 'constructor' })).code).toBe('INVALID_ARGUMENT');
    expect(failure(await content.raw({ action: '__proto__' })).code).toBe('INVALID_ARGUMENT');
  });

  it('refuses input that is not an object', async () => {
    expect(failure(await content.raw({ action: 'contact', data: 'all' })).code).toBe('INVALID_ARGUMENT');
    expect(failure(await content.raw({ action: 'contact', data: [] })).code).toBe('INVALID_ARGUMENT');
  });
});

describe('seeding', () => {
  it('is idempotent and never overwrites', async () => {
    await t.app.database().collection('news').doc('news-current-mous').update({ title: '编辑改过的标题' });
    const report = await seedDatabase(t.app);
    expect(report.news).toEqual({ inserted: 0, present: SEED.news.length });
    expect(report.profile).toEqual({ inserted: 0, present: 1 });
    const { data } = await t.app.database().collection('news').doc('news-current-mous').get();
    expect((data[0] as { title: string }).title).toBe('编辑改过的标题');
  });
});
