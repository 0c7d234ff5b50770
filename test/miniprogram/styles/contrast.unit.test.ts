import { colord, extend, type Colord } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';
import fs from 'node:fs';
import path from 'node:path';
import postcss, { type AtRule, type Rule } from 'postcss';
import { MINIPROGRAM_DIR } from '../../../tools/build/paths';

extend([a11yPlugin]);

/**
 * Text contrast from the theme tokens as the source declares them (styles/tokens.wxss, theme.json):
 * every text colour on every surface it is drawn on, light and dark, at least 4.5:1 (WCAG AA for
 * body text). Semi-transparent text is blended onto its surface first, as the screen shows it.
 */

const MIN_CONTRAST = 4.5;
type Theme = 'light' | 'dark';
type Tokens = Map<string, string>;

/** Text colours of the app and of the TDesign components it uses (mapped onto ours). */
const TEXT = [
  '--cdr-text',
  '--cdr-text-secondary',
  '--cdr-text-tertiary',
  '--cdr-brand',
  '--cdr-accent',
  '--cdr-danger',
  '--td-text-color-primary',
  '--td-text-color-secondary',
  '--td-text-color-placeholder',
  '--td-step-item-description-color',
  '--td-grid-item-description-color',
  '--td-error-color',
];
/** Surfaces text sits on: the page, cards, muted blocks (form groups, tags), brand-tinted tags. */
const SURFACES = [
  '--cdr-page-bg',
  '--cdr-surface',
  '--cdr-surface-muted',
  '--cdr-brand-soft',
  '--td-bg-color-page',
  '--td-bg-color-container',
  '--td-bg-color-secondarycontainer',
];
/** Text on filled brand colour: buttons, and the hero's gradient (each of its colour stops). */
const ON_BRAND: [text: string, background: string][] = [
  ['--cdr-text-on-brand-fill', '--cdr-brand'],
  ['--cdr-text-on-brand', '--cdr-hero-bg'],
  ['--cdr-text-on-brand-secondary', '--cdr-hero-bg'],
];

const STYLES = path.join(MINIPROGRAM_DIR, 'styles');

/** The tokens `selector` declares in a WXSS file per theme: dark is light overridden by the dark media query. */
function themeTokens(wxss: string, selector = 'page'): Record<Theme, Tokens> {
  const light: Tokens = new Map();
  const dark: Tokens = new Map();
  postcss.parse(wxss).walkRules((rule: Rule) => {
    if (!rule.selectors.includes(selector)) return;
    const media = rule.parent?.type === 'atrule' ? (rule.parent as AtRule).params : '';
    const target = /prefers-color-scheme:\s*dark/.test(media) ? dark : light;
    rule.walkDecls(/^--/, (declaration) => void target.set(declaration.prop, declaration.value));
  });
  return { light, dark: new Map([...light, ...dark]) };
}

/** A token's value with every `var(--x)` replaced by x's value. */
function resolve(tokens: Tokens, name: string, seen: string[] = []): string {
  const value = tokens.get(name);
  if (value === undefined) throw new Error(`${name} is not declared`);
  if (seen.includes(name)) throw new Error(`${[...seen, name].join(' → ')} is circular`);
  return value.replace(/var\((--[\w-]+)(?:,[^)]*)?\)/g, (_, ref: string) =>
    resolve(tokens, ref, [...seen, name]),
  );
}

/** The colours a value paints: itself, or each colour stop of a gradient. */
function colours(value: string): Colord[] {
  const found = value.match(/#[0-9a-f]{3,8}\b|rgba?\([^)]*\)/gi) ?? [];
  const parsed = found.map((text) => colord(text));
  if (parsed.length === 0 || parsed.some((colour) => !colour.isValid())) {
    throw new Error(`no colour in "${value}"`);
  }
  return parsed;
}

/** `text` as it shows on the opaque `background`: its alpha blended in. */
function blend(text: Colord, background: Colord): Colord {
  const fg = text.toRgb();
  const bg = background.toRgb();
  const mix = (a: number, b: number) => a * fg.a + b * (1 - fg.a);
  return colord({ r: mix(fg.r, bg.r), g: mix(fg.g, bg.g), b: mix(fg.b, bg.b) });
}

/** The lowest contrast of `text` over every colour of `background`. */
function contrast(text: string, background: string): number {
  const [fg] = colours(text);
  return Math.min(...colours(background).map((bg) => blend(fg!, bg).contrast(bg)));
}

/** Every pair below the minimum, as `text on background: ratio`. */
function lowContrast(tokens: Tokens, pairs: [string, string][]): string[] {
  return pairs.flatMap(([text, background]) => {
    const ratio = contrast(resolve(tokens, text), resolve(tokens, background));
    return ratio < MIN_CONTRAST ? [`${text} on ${background}: ${ratio.toFixed(2)}:1`] : [];
  });
}

const PAIRS: [string, string][] = [
  ...TEXT.flatMap((text) => SURFACES.map((surface): [string, string] => [text, surface])),
  ...ON_BRAND,
];
const TOKENS = themeTokens(fs.readFileSync(path.join(STYLES, 'tokens.wxss'), 'utf8'));
const THEME_JSON = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_DIR, 'theme.json'), 'utf8')) as Record<
  Theme,
  Record<string, string>
>;

describe('text contrast of the theme tokens', () => {
  it.each(['light', 'dark'] as const)(
    'every text colour reads at 4.5:1 or more on its surfaces (%s)',
    (theme) => {
      expect(lowContrast(TOKENS[theme], PAIRS)).toEqual([]);
    },
  );

  it.each(['light', 'dark'] as const)(
    'the tab bar and navigation bar read at 4.5:1 or more (%s)',
    (theme) => {
      const json = THEME_JSON[theme];
      const navText = json.navTextStyle === 'white' ? '#ffffff' : '#000000';
      const tokens: Tokens = new Map(Object.entries({ ...json, navText }));
      expect(
        lowContrast(tokens, [
          ['tabColor', 'tabBackground'],
          ['tabSelectedColor', 'tabBackground'],
          ['navText', 'navBackground'],
        ]),
      ).toEqual([]);
    },
  );

  it.each(['light', 'dark'] as const)('the custom tab bar uses theme.json’s tab colours (%s)', (theme) => {
    const wxss = fs.readFileSync(path.join(MINIPROGRAM_DIR, 'custom-tab-bar/index.wxss'), 'utf8');
    const tokens = themeTokens(wxss, '.tab-bar')[theme];
    const json = THEME_JSON[theme];
    expect(tokens.get('--td-tab-bar-color')).toBe(json.tabColor);
    expect(tokens.get('--td-tab-bar-active-color')).toBe(json.tabSelectedColor);
    expect(tokens.get('--td-tab-bar-bg-color')).toBe(json.tabBackground);
  });

  it.each(['light', 'dark'] as const)(
    'TDesign components use the app surfaces, one grey for each (%s)',
    (theme) => {
      const tokens = TOKENS[theme];
      expect(resolve(tokens, '--td-bg-color-container')).toBe(resolve(tokens, '--cdr-surface'));
      expect(resolve(tokens, '--td-bg-color-secondarycontainer')).toBe(
        resolve(tokens, '--cdr-surface-muted'),
      );
      expect(resolve(tokens, '--td-bg-color-page')).toBe(resolve(tokens, '--cdr-page-bg'));
    },
  );

  it('reports a low-contrast pair: grey #999 text on white', () => {
    const tokens = themeTokens('page { --grey: #999999; --white: #ffffff; }').light;
    expect(lowContrast(tokens, [['--grey', '--white']])).toEqual(['--grey on --white: 2.84:1']);
  });

  it('blends semi-transparent text onto its surface before measuring', () => {
    const tokens = themeTokens('page { --faint: rgba(0, 0, 0, 0.4); --white: #ffffff; }').light;
    expect(lowContrast(tokens, [['--faint', '--white']])).toEqual(['--faint on --white: 2.84:1']);
  });

  it('reads the dark theme from the dark media query, on top of the light tokens', () => {
    const { light, dark } = themeTokens(
      'page { --text: #000000; --bg: #ffffff; } @media (prefers-color-scheme: dark) { page { --text: #333333; --bg: #000000; } }',
    );
    expect(lowContrast(light, [['--text', '--bg']])).toEqual([]);
    expect(lowContrast(dark, [['--text', '--bg']])).toEqual(['--text on --bg: 1.66:1']);
  });
});
