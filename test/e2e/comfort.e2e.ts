/**
 * Reading comfort, in the browser preview: every public page in light and dark, at normal size
 * and in 关怀模式 (large text, switched on the contact page), photographed into
 * test/e2e/screenshots/ (long pages also further down). Checks what a reader notices: body text
 * at 14 px or more, larger text and tap targets in 关怀模式, and TDesign's icons drawn (not blank).
 */
import { journeySuite, Session } from './harness';

type Scheme = 'light' | 'dark';
type Size = 'normal' | 'large';

/** Body text is at least 14 px at the normal size (28 rpx in a 375 px frame). */
const MIN_BODY_PX = 14;
/** 关怀模式's factor on text and tap targets (utils/font-scale.ts). */
const LARGE_FACTOR = 1.25;

const suite = journeySuite();

const { session } = suite;

/** The computed size in px of an element's text, or of a pseudo-element's box. */
async function measure(user: Session, selector: string): Promise<{ fontSize: number; height: number }> {
  return user.wx(selector).evaluate((element) => ({
    fontSize: parseFloat(getComputedStyle(element).fontSize),
    height: element.getBoundingClientRect().height,
  }));
}

/** Scrolls the top page until `selector` shows, then photographs it. */
async function snapAt(user: Session, selector: string, name: string): Promise<void> {
  await user.wx(selector).scrollIntoViewIfNeeded();
  await user.snap(name);
}

/** Every TDesign icon on the top page is drawn: an SVG mask, a box of non-zero size. */
async function expectIconsDrawn(user: Session): Promise<void> {
  const icons = await user.page.evaluate(() =>
    (window as unknown as { __preview: { query(s: string): Element[] } }).__preview
      .query('.t-icon-base')
      .map((element) => {
        const before = getComputedStyle(element, '::before');
        return {
          mask: before.getPropertyValue('mask-image') || before.getPropertyValue('-webkit-mask-image'),
          width: parseFloat(before.width),
          height: parseFloat(before.height),
        };
      }),
  );
  expect(icons.length).toBeGreaterThan(0);
  for (const icon of icons) {
    expect(icon.mask).toMatch(/^url\("data:image\/svg\+xml/);
    expect(icon.width).toBeGreaterThan(0);
    expect(icon.height).toBeGreaterThan(0);
  }
}

/** Turns 关怀模式 on from the contact page, as a user would. */
async function switchLargeTextOn(user: Session): Promise<void> {
  await user.tap('#tab-contact');
  await user.arrive('pages/contact/index', 'contact-before-large-text');
  await user.wx('.t-switch').click();
  await user.settle();
  await user.page.locator('#preview-home').click();
  await user.settle();
}

/** Visits every public page, photographing each; returns the sizes read on the way. */
async function visitPublicPages(user: Session) {
  await user.arrive('pages/home/index', 'home');
  await expectIconsDrawn(user);
  const sizes = {
    paragraph: await measure(user, '.paragraph'),
    timeline: await measure(user, '.t-steps-item__description'),
    focusArea: await measure(user, '.t-grid-item__description'),
    cell: await measure(user, '.t-cell'),
  };
  await snapAt(user, '#timeline', 'home-timeline');
  await snapAt(user, '#focus-areas', 'home-focus-areas');
  await snapAt(user, '#about-link', 'home-links');

  await user.tap('#about-link');
  await user.arrive('pages/about/index', 'about');
  await snapAt(user, '#agreements', 'about-agreements');
  await user.page.locator('#preview-back').click();
  await user.settle();

  await user.tap('.t-grid-item');
  await user.arrive('pages/focus-area/index', 'focus-area');
  await user.page.locator('#preview-back').click();
  await user.settle();

  await user.tap('#tab-contact');
  await user.arrive('pages/contact/index', 'contact');
  await expectIconsDrawn(user);
  await snapAt(user, '#large-text-mode', 'contact-settings');
  await user.tap('#to-enquiry');
  await user.arrive('packages/enquiry/pages/form/index', 'enquiry-form');
  await snapAt(user, '#row-message', 'enquiry-form-message');
  await user.page.locator('#preview-back').click();
  await user.settle();

  await user.tap('#tab-news');
  await user.arrive('pages/news/index', 'news');
  await expectIconsDrawn(user);
  await user.tap('.news-card');
  await user.arrive('pages/news-detail/index', 'news-detail');
  await user.page.locator('#preview-back').click();
  await user.settle();

  await user.tap('#tab-opportunities');
  await user.arrive('pages/opportunities/index', 'opportunities');
  await user.tap('.opportunities__item');
  await user.arrive('pages/opportunity-detail/index', 'opportunity-detail');
  return sizes;
}

const RUNS: [Scheme, Size][] = [
  ['light', 'normal'],
  ['dark', 'normal'],
  ['light', 'large'],
  ['dark', 'large'],
];

const measured = new Map<string, Awaited<ReturnType<typeof visitPublicPages>>>();

test.each(RUNS)('every public page reads comfortably (%s, %s text)', async (scheme, size) => {
  const user = await session(`o-e2e-comfort-${scheme}-${size}`, `comfort-${scheme}-${size}`, scheme);
  if (size === 'large') await switchLargeTextOn(user);
  const sizes = await visitPublicPages(user);
  measured.set(`${scheme}-${size}`, sizes);

  if (size === 'normal') {
    expect(sizes.paragraph.fontSize).toBeGreaterThanOrEqual(MIN_BODY_PX);
    expect(sizes.timeline.fontSize).toBeGreaterThanOrEqual(MIN_BODY_PX);
    expect(sizes.focusArea.fontSize).toBeGreaterThanOrEqual(MIN_BODY_PX);
  } else {
    // The same user and scheme at normal size ran first: text and tap targets grew by the factor.
    const normal = measured.get(`${scheme}-normal`);
    expect(normal).toBeDefined();
    for (const part of ['paragraph', 'timeline', 'focusArea'] as const) {
      expect(sizes[part].fontSize).toBeCloseTo(normal![part].fontSize * LARGE_FACTOR, 0);
    }
    expect(sizes.cell.height).toBeGreaterThan(normal!.cell.height * 1.15);
  }
});
