/**
 * TDesign's icons without its icon font. In WeChat, `<t-icon name="home">` draws a glyph of a font
 * loaded from tdesign.gtimg.com; that host is out of reach offline, so the preview draws the same
 * icons from the SVG bodies of `@iconify-json/tdesign` (the TDesign icon set as data, a dev-only
 * package): one rule per icon name of TDesign's icon stylesheet, masking the icon's colour with the
 * SVG. The mini program itself is unchanged.
 */
import postcss from 'postcss';

/** The icon set as `@iconify-json/tdesign` ships it (the parts read here). */
export interface IconSet {
  icons: Record<string, { body: string; width?: number; height?: number }>;
  aliases?: Record<string, { parent: string }>;
  width?: number;
  height?: number;
}

/** The component key TDesign registers its icon under (`usingComponents` → `t-icon`): simulate's class scope. */
const ICON_TAG = 't-icon';
/** `.t-icon-home:before { content: '\E470' }`: one glyph rule per icon name. */
const GLYPH_RULE = /^\.t-icon-([a-z0-9-]+):{1,2}before$/;
const ICON_FONT_FAMILY = 't';

/**
 * TDesign's icon stylesheet without its icon font: the `@font-face` (a request to the CDN) and the
 * glyph rules go; everything else (sizes, the image variant) stays. Returns the icon names it drew.
 */
export function withoutIconFont(iconWxss: string): { css: string; names: string[] } {
  const root = postcss.parse(iconWxss);
  const names: string[] = [];
  root.walkAtRules('font-face', (rule) => {
    let family = '';
    rule.walkDecls('font-family', (declaration) => void (family = declaration.value.replace(/['"]/g, '')));
    if (family === ICON_FONT_FAMILY) rule.remove();
  });
  root.walkRules((rule) => {
    const name = GLYPH_RULE.exec(rule.selector)?.[1];
    if (!name) return;
    names.push(name);
    rule.remove();
  });
  return { css: root.toString(), names };
}

/** An icon's SVG document, or undefined when the set lacks it. */
export function iconSvg(set: IconSet, name: string): string | undefined {
  const icon = set.icons[name] ?? set.icons[set.aliases?.[name]?.parent ?? ''];
  if (!icon) return undefined;
  const width = icon.width ?? set.width ?? 24;
  const height = icon.height ?? set.height ?? 24;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">${icon.body}</svg>`;
}

/** A CSS `url()` of an SVG as a data URI, escaped only where CSS and URIs need it. */
function svgUrl(svg: string): string {
  const escaped = svg.replace(/"/g, "'").replace(/[%#<>\n\r]/g, (char) => encodeURIComponent(char));
  return `url("data:image/svg+xml,${escaped}")`;
}

/**
 * The stylesheet that draws `names` from `set` in the preview, for the class names simulate gives
 * the icon's label (`t-icon--t-icon-home`, scoped by the component key). Icons the set lacks are
 * listed in `missing`.
 */
export function iconCss(set: IconSet, names: readonly string[]): { css: string; missing: string[] } {
  const scoped = (name: string) => `.${ICON_TAG}--t-icon-${name}`;
  const rules = [
    // Every drawn icon: a square of the icon's font size, in its text colour, shaped by the SVG.
    `${scoped('base')}::before { content: ''; display: block; width: 1em; height: 1em; background-color: currentColor; -webkit-mask: var(--preview-icon) center / contain no-repeat; mask: var(--preview-icon) center / contain no-repeat; }`,
  ];
  const missing: string[] = [];
  for (const name of names) {
    const svg = iconSvg(set, name);
    if (svg) rules.push(`${scoped(name)} { --preview-icon: ${svgUrl(svg)}; }`);
    else missing.push(name);
  }
  return { css: `${rules.join('\n')}\n`, missing };
}
