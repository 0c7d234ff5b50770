/**
 * What the content says, in the browser preview: home and the about page in light and dark, each
 * saying how current its facts are (信息截至… · 更新于…), the about page complementing home
 * rather than repeating its hero, and no fact the source does not give (a derived 2003, a day the
 * source never names). Photographed into test/e2e/screenshots/, long pages also further down.
 */
import { journeySuite, Session } from './harness';

type Scheme = 'light' | 'dark';

const READER = 'o-e2e-content-reader';
/** A day and month written out: the source gives years and seasons only. */
const DAY_OR_MONTH = /\d{1,2}\s*月\s*\d{1,2}\s*日/;

const suite = journeySuite();

async function session(journey: string, colorScheme: Scheme): Promise<Session> {
  return suite.session(READER, journey, colorScheme);
}

/** Scrolls the top page until `selector` shows, then photographs it. */
async function snapAt(user: Session, selector: string, name: string): Promise<void> {
  await user.wx(selector).scrollIntoViewIfNeeded();
  await user.snap(name);
}

/** The page's text apart from `dated`, the one element allowed a full date (the 更新于 line). */
async function textBesides(user: Session, dated: string): Promise<string> {
  const all = await user.text('.page');
  return all.replace(await user.text(dated), '');
}

describe.each<Scheme>(['light', 'dark'])('content, %s', (scheme) => {
  test('home says how current it is and only what the source says', async () => {
    const user = await session(`content-${scheme}`, scheme);
    await user.arrive('pages/home/index', `home-${scheme}`);

    const asOf = await user.text('#as-of');
    expect(asOf).toContain('信息截至2016年');
    expect(asOf).toMatch(/更新于\d{4}年\d{1,2}月\d{1,2}日/);

    const page = await textBesides(user, '#as-of');
    expect(page).not.toContain('2003');
    expect(page).not.toMatch(DAY_OR_MONTH);
    expect(page).not.toContain('姊妹');
    expect(page).toContain('缔结友好城市（友城）关系');

    await snapAt(user, '#key-facts', `home-facts-${scheme}`);
    await snapAt(user, '#timeline', `home-timeline-${scheme}`);
    expect(await user.text('#timeline')).toContain('2016年春');

    // The office and the contact's title stay apart.
    const contact = await user.text('#contact-link');
    expect(contact).toContain('联系国际事务办公室');
    expect(contact).not.toContain('国际事务办公室秘书处负责人');
    await snapAt(user, '#contact-link', `home-links-${scheme}`);
  });

  test('the about page complements home and cites its source', async () => {
    const user = await session(`content-${scheme}`, scheme);
    await user.arrive('pages/home/index', `home-before-about-${scheme}`);
    const lead = await user.text('#intro .paragraph');

    await user.tap('#about-link');
    await user.arrive('pages/about/index', `about-${scheme}`);
    expect(await user.text('#as-of')).toContain('信息截至2016年');
    const page = await textBesides(user, '#as-of');
    // Home's hero and lead are not repeated.
    expect(page).not.toContain(lead);
    expect(page).not.toContain('缔结友好城市（友城）关系');
    expect(page).not.toMatch(DAY_OR_MONTH);
    expect(page).not.toContain('现行');

    await snapAt(user, '#agreements', `about-agreements-${scheme}`);
    expect(await user.text('#agreements')).toContain('截至2016年');
    await snapAt(user, '#source', `about-source-${scheme}`);
    expect(await user.text('#source')).toMatch(/^来源：/);
  });

  test('a news item is dated as precisely as the source and cites it the one way', async () => {
    const user = await session(`content-${scheme}`, scheme);
    await user.tap('#tab-news');
    await user.arrive('pages/news/index', `news-${scheme}`);
    await user.tap('.news-card');
    await user.arrive('pages/news-detail/index', `news-detail-${scheme}`);
    expect(await user.text('#news-date')).toMatch(/^\d{4}年(春|夏|秋|冬|夏末)?$/);
    await snapAt(user, '.article__source', `news-source-${scheme}`);
    expect(await user.text('.article__source')).toMatch(
      /^来源：丹麦中日德兰大区官方网站（rm\.dk）《Central Denmark Region and Shanghai》/,
    );
  });
});
