/**
 * WXSS → browser CSS, on postcss: `@import`s inlined (each file once, as the WXSS compiler does),
 * `rpx` in px for the frame's width, `vh`/`vw` of the frame rather than the browser window,
 * `page` and `:host` as the elements the shell renders, builtin tags as their `wx-*` elements.
 * Class names are left for simulate, which scopes them per component in the browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import postcss, { type AtRule, type Root } from 'postcss';
import { isBuiltinComponent } from '../../miniprogram-runtime/src';
import { PreviewBuildError } from './errors';
import { FRAME_WIDTH_PX } from './shell/frame';

/** WeChat defines the screen as 750 rpx wide. */
export const RPX_PER_SCREEN = 750;

export interface CssTargets {
  /** What the `page` selector becomes. */
  page: string;
  /** What `:host` becomes; empty drops rules on `:host` (pages have none). */
  host: string;
}

/**
 * The WXSS of `key` (a path from the mini program root, without extension) with every `@import`
 * inlined, relative or root-absolute, each file once.
 */
export function readWxss(miniprogramDir: string, key: string, seen = new Set<string>()): string {
  const file = `${key}.wxss`;
  if (seen.has(file)) return '';
  seen.add(file);
  const full = path.join(miniprogramDir, file);
  if (!fs.existsSync(full)) throw new PreviewBuildError(`preview: ${file} does not exist`);
  const root = parse(fs.readFileSync(full, 'utf8'), file);
  root.walkComments((comment) => void comment.remove());
  root.walkAtRules('import', (rule) => {
    const target = importTarget(rule, file);
    const resolved = target.startsWith('/')
      ? target.slice(1)
      : path.posix.normalize(path.posix.join(path.posix.dirname(key), target));
    const inlined = readWxss(miniprogramDir, resolved.replace(/\.wxss$/, ''), seen);
    rule.replaceWith(parse(inlined, resolved).nodes);
  });
  return root.toString();
}

function importTarget(rule: AtRule, file: string): string {
  const match = /^(?:url\(\s*)?(["'])(.+?)\1\s*\)?$/.exec(rule.params.trim());
  if (!match?.[2]) throw new PreviewBuildError(`preview: ${file}: cannot read @import ${rule.params}`);
  return match[2];
}

function parse(css: string, file: string): Root {
  try {
    return postcss.parse(css, { from: file });
  } catch (error) {
    throw new PreviewBuildError(`preview: ${file}: ${(error as Error).message}`);
  }
}

const KEYFRAMES = /^(-\w+-)?keyframes$/i;

/** WXSS → CSS: units converted, selectors rewritten for the elements the preview renders. */
export function toBrowserCss(wxss: string, targets: CssTargets, file = 'wxss'): string {
  const root = parse(wxss, file);
  root.walkRules((rule) => {
    // Keyframe selectors (`from`, `50%`) are no element selectors.
    if (rule.parent?.type === 'atrule' && KEYFRAMES.test((rule.parent as AtRule).name)) return;
    const selectors = rule.selectors
      .map((selector) => rewriteSelector(selector, targets))
      .filter((selector): selector is string => selector !== null);
    if (selectors.length === 0) rule.remove();
    else rule.selectors = selectors;
  });
  root.walkDecls((declaration) => {
    declaration.value = convertUnits(declaration.value);
  });
  root.walkAtRules((rule) => {
    if (rule.name === 'media' || rule.name === 'supports') rule.params = convertUnits(rule.params);
  });
  return root.toString();
}

// ---------------------------------------------------------------------------------------------
// Values

/** A number with a unit the preview converts, as a whole token (not inside a name or a hex colour). */
const DIMENSION = /([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(rpx|vh|vw)(?![\w-])/iy;
const NAME_CHAR = /[\w#.-]/;
const NAME_RUN = /[\w#-]+/y;
const URL_START = /url\(/iy;

/**
 * `rpx` in px at the frame's width; `vh`/`vw` of the page's window (the frame), not the
 * browser's. Strings and `url()`s are left as they are.
 */
export function convertUnits(value: string): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const char = value[i] as string;
    if (char === '"' || char === "'") {
      const end = stringEnd(value, i);
      out += value.slice(i, end);
      i = end;
      continue;
    }
    const standalone = i === 0 || !NAME_CHAR.test(value[i - 1] as string);
    URL_START.lastIndex = i;
    if (standalone && URL_START.test(value)) {
      const end = urlEnd(value, i);
      out += value.slice(i, end);
      i = end;
      continue;
    }
    DIMENSION.lastIndex = i;
    const dimension = standalone ? DIMENSION.exec(value) : null;
    if (dimension) {
      out += convertDimension(Number(dimension[1]), (dimension[2] as string).toLowerCase());
      i = DIMENSION.lastIndex;
      continue;
    }
    NAME_RUN.lastIndex = i;
    const name = NAME_RUN.exec(value);
    const next = name ? NAME_RUN.lastIndex : i + 1;
    out += value.slice(i, next);
    i = next;
  }
  return out;
}

function convertDimension(amount: number, unit: string): string {
  if (unit === 'rpx') return `${round((amount * FRAME_WIDTH_PX) / RPX_PER_SCREEN)}px`;
  if (unit === 'vw') return `${round((amount * FRAME_WIDTH_PX) / 100)}px`;
  // The frame's height depends on the page's bars: the shell keeps it in a variable.
  return `calc(${amount} * var(--preview-vh))`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The index after the string that starts at `start`. */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  return text.length;
}

/** The index after the `url(…)` that starts at `start`. */
function urlEnd(text: string, start: number): number {
  for (let i = start + 4; i < text.length; i++) {
    if (text[i] === '"' || text[i] === "'") i = stringEnd(text, i) - 1;
    else if (text[i] === ')') return i + 1;
  }
  return text.length;
}

// ---------------------------------------------------------------------------------------------
// Selectors

/** Pseudo-classes whose argument is itself a selector list. */
const SELECTOR_ARGUMENTS = new Set(['not', 'is', 'where', 'has', 'matches']);
const IDENT = /-?[A-Za-z_][\w-]*/y;

/**
 * Rewrites type selectors and `:host` in one selector; null when it cannot match anything (a
 * `:host` rule of a page). A type selector is a name at the start of a compound: at the start,
 * after a combinator, or first inside `:not(…)`/`:is(…)`.
 */
export function rewriteSelector(selector: string, targets: CssTargets): string | null {
  let out = '';
  let i = 0;
  let compoundStart = true;
  while (i < selector.length) {
    const char = selector[i] as string;
    if (char === '"' || char === "'") {
      const end = stringEnd(selector, i);
      out += selector.slice(i, end);
      i = end;
      compoundStart = false;
    } else if (char === '[') {
      const end = bracketEnd(selector, i, '[', ']');
      out += selector.slice(i, end);
      i = end;
      compoundStart = false;
    } else if (/[\s>+~,(]/.test(char)) {
      out += char;
      i++;
      compoundStart = true;
    } else if (char === ':') {
      const colons = selector[i + 1] === ':' ? '::' : ':';
      IDENT.lastIndex = i + colons.length;
      const name = IDENT.exec(selector)?.[0] ?? '';
      const after = i + colons.length + name.length;
      const hasArgument = selector[after] === '(';
      const argumentEnd = hasArgument ? bracketEnd(selector, after, '(', ')') : after;
      if (colons === ':' && name === 'host') {
        if (!targets.host) return null;
        out += targets.host + (hasArgument ? selector.slice(after + 1, argumentEnd - 1) : '');
        i = argumentEnd;
      } else if (hasArgument && SELECTOR_ARGUMENTS.has(name.toLowerCase())) {
        const inner = rewriteSelector(selector.slice(after + 1, argumentEnd - 1), targets);
        if (inner === null) return null;
        out += `${colons}${name}(${inner})`;
        i = argumentEnd;
      } else {
        out += selector.slice(i, argumentEnd);
        i = argumentEnd;
      }
      compoundStart = false;
    } else if (compoundStart && /[A-Za-z]/.test(char)) {
      IDENT.lastIndex = i;
      const tag = IDENT.exec(selector)?.[0] ?? char;
      out += tag === 'page' ? targets.page : isBuiltinComponent(tag) ? `wx-${tag}` : tag;
      i += tag.length;
      compoundStart = false;
    } else {
      out += char;
      i++;
      compoundStart = false;
    }
  }
  return out;
}

/** The index after the bracket that opens at `start`, strings and nesting respected. */
function bracketEnd(text: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'") i = stringEnd(text, i) - 1;
    else if (char === open) depth++;
    else if (char === close && --depth === 0) return i + 1;
  }
  return text.length;
}
