/**
 * One vocabulary, in the browser preview, light and dark: the news filter offers the categories
 * the server names; opportunities show their category, who they are for and their status with its
 * basis; an opportunity leads into the form prefilled; staff edit the same fields.
 */
import { SEED } from '../harness/seed';
import { journeySuite, STAFF_OPENID } from './harness';

const VISITOR = 'o-e2e-vocabulary';
const VISITS = SEED.opportunities.find((item) => item._id === 'opp-study-visits')!;
const VISITS_NEWS = SEED.news.find((item) => item.category === 'knowledge')!;
const SCHEMES = ['light', 'dark'] as const;

const suite = journeySuite();

const { session } = suite;

test.each(SCHEMES)('a partner reads news and opportunities by category (%s)', async (scheme) => {
  const user = await session(VISITOR, `vocabulary-${scheme}`, scheme);
  await user.tap('#tab-news');
  await user.arrive('pages/news/index', 'news');
  await user.waitForText('#news-categories', '知识交流与互访');
  await user.wx('#news-categories').getByText('知识交流与互访', { exact: true }).click();
  await user.settle();
  await user.waitForText('.news-card__title', VISITS_NEWS.title);
  expect(await user.page.locator('wx=.news-card__title').count()).toBe(1);
  await user.snap('news-knowledge');

  await user.tap('#tab-opportunities');
  await user.arrive('pages/opportunities/index', 'opportunities');
  expect(await user.text(`#status-${VISITS._id}`)).toBe('可商洽');
  expect(await user.text(`#audience-${VISITS._id}`)).toBe(`面向：${VISITS.audience}`);

  await user.tap(`#opportunity-${VISITS._id}`);
  await user.arrive('pages/opportunity-detail/index', 'opportunity-detail');
  expect(await user.text('#opportunity-audience')).toBe(VISITS.audience);
  expect(await user.text('#opportunity-basis')).toBe(VISITS.availabilityNote);
  expect(await user.text('#take-part-button')).toBe('提交来访申请');
  await user.page.locator('wx=#take-part').scrollIntoViewIfNeeded();
  await user.snap('opportunity-take-part');

  await user.tap('#take-part-button');
  await user.arrive('packages/enquiry/pages/form/index', 'visit-form');
  expect(await user.text('#enquiry-about')).toBe(`关于：${VISITS.title}`);
});

test.each(SCHEMES)(
  'staff edit an opportunity’s category, audience, availability and way to take part (%s)',
  async (scheme) => {
    const staff = await session(STAFF_OPENID, `vocabulary-staff-${scheme}`, scheme);
    await staff.tap('#tab-contact');
    await staff.arrive('pages/contact/index', 'contact');
    await staff.tap('#staff-entry-cell');
    await staff.arrive('packages/admin/pages/home/index', 'admin-home');
    await staff.tap('#to-opportunities');
    await staff.arrive('packages/admin/pages/opportunities/index', 'admin-opportunities');
    expect(await staff.text(`#opportunity-${VISITS._id}`)).toContain('可商洽');

    await staff.tap(`#opportunity-${VISITS._id}`);
    await staff.arrive('packages/admin/pages/opportunity-edit/index', 'opportunity-edit');
    expect(await staff.text('#category-value')).toBe('知识交流与互访');
    expect(await staff.text('#availability-value')).toBe('可商洽');
    expect(await staff.text('#participation-value')).toBe('提交来访申请');
    await staff.page.locator('wx=#field-participation').scrollIntoViewIfNeeded();
    await staff.snap('opportunity-edit-availability');
  },
);
