import fs from 'node:fs';
import path from 'node:path';
import { iconCss, iconSvg, withoutIconFont, type IconSet } from '../src/icons';
import { PROFILE } from '../../../cloudbase/seed/profile';

/**
 * The preview draws TDesign's icons from `@iconify-json/tdesign` instead of the icon font WeChat
 * loads from its CDN: every icon the app uses gets a non-empty SVG, and nothing asks for the font.
 */

const ROOT = path.join(__dirname, '../../..');
const ICON_WXSS = fs.readFileSync(
  require.resolve('tdesign-miniprogram/miniprogram_dist/icon/icon.wxss', { paths: [ROOT] }),
  'utf8',
);
const SET = JSON.parse(
  fs.readFileSync(require.resolve('@iconify-json/tdesign/icons.json', { paths: [ROOT] }), 'utf8'),
) as IconSet;

/** Icon names the app writes literally in its WXML (`icon="…"`, `left-icon="…"`, `<t-icon name="…">`). */
function wxmlIconNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'miniprogram_npm') walk(full);
      else if (entry.name.endsWith('.wxml')) {
        const wxml = fs.readFileSync(full, 'utf8');
        for (const match of wxml.matchAll(/\s(?:left-|right-|prefix-|suffix-)?icon="([a-z][a-z0-9-]*)"/g))
          names.add(match[1]!);
        for (const match of wxml.matchAll(/<t-icon\b[^>]*\sname="([a-z][a-z0-9-]*)"/g)) names.add(match[1]!);
      }
    }
  };
  walk(path.join(ROOT, 'miniprogram'));
  return [...names];
}

/** The tab bar's icons, as utils/tab-bar.ts names them (read as text: tests outside miniprogram/ do not import it). */
function tabBarIconNames(): string[] {
  const source = fs.readFileSync(path.join(ROOT, 'miniprogram/utils/tab-bar.ts'), 'utf8');
  return [...source.matchAll(/\bicon: '([a-z][a-z0-9-]*)'/g)].map((match) => match[1]!);
}

/** Every icon the app shows: in WXML, in the tab bar and on the focus areas (from the seed). */
const APP_ICONS = [
  ...new Set([...wxmlIconNames(), ...tabBarIconNames(), ...PROFILE.focusAreas.map((area) => area.icon)]),
];

describe('TDesign icons in the preview', () => {
  const { css: componentCss, names } = withoutIconFont(ICON_WXSS);
  const { css: icons, missing } = iconCss(SET, names);

  it('drops the icon font: no @font-face and no request to its CDN', () => {
    expect(ICON_WXSS).toContain('tdesign.gtimg.com');
    expect(componentCss).not.toContain('@font-face');
    expect(componentCss).not.toContain('tdesign.gtimg.com');
    expect(componentCss).not.toMatch(/\.t-icon-home:+before/);
    // The rest of the component's styles stay.
    expect(componentCss).toContain('.t-icon-base');
  });

  it('has an SVG for every icon name of TDesign’s icon stylesheet', () => {
    expect(names.length).toBeGreaterThan(2000);
    expect(missing).toEqual([]);
  });

  it.each(APP_ICONS)('draws the app’s icon "%s" as a non-empty SVG', (name) => {
    expect(names).toContain(name);
    const svg = iconSvg(SET, name) ?? '';
    expect(svg).toMatch(/<(path|circle|rect|ellipse|polygon|polyline|line)\b[^>]*\s(d|cx|x|points|x1)=/);
    const rule = icons.split('\n').find((line) => line.startsWith(`.t-icon--t-icon-${name} {`));
    expect(rule).toContain('url("data:image/svg+xml,%3Csvg');
    expect(rule).toContain(encodeURIComponent('<path').slice(0, 3));
  });

  it('draws each icon in its text colour at its font size, shaped by the SVG', () => {
    const base = icons.split('\n')[0];
    expect(base).toContain('.t-icon--t-icon-base::before');
    expect(base).toContain('width: 1em; height: 1em; background-color: currentColor;');
    expect(base).toContain('mask: var(--preview-icon) center / contain no-repeat;');
  });

  it('reports names the set lacks', () => {
    expect(iconCss(SET, ['home', 'no-such-icon']).missing).toEqual(['no-such-icon']);
  });
});
