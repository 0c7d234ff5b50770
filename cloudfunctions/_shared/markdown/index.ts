import MarkdownIt, { type Token } from 'markdown-it';
import type {
  RichTextAttrs,
  RichTextElement,
  RichTextNode,
  RichTextTag,
} from '../../../contract/api/content';

/**
 * Markdown → nodes for the mini program's `<rich-text>`. The nodes are built from markdown-it's
 * token stream against allow-lists (tags, attributes, URL schemes) instead of rendering HTML and
 * sanitising it: anything not explicitly allowed never becomes a node. Raw HTML is off, so `<script>`
 * and the like stay literal text. Pure and synchronous, so the staff editor's preview renders the
 * very same nodes; `cloud://` images are kept here and resolved by the function (see
 * {@link withResolvedImages}).
 */

/** The deepest element nesting a body renders to: no real text needs more; it bounds what the client renders. */
export const MAX_NESTING = 20;

const md = new MarkdownIt({ html: false, linkify: true });

/** markdown-it's tag → the tag we emit. Headings move down one level: the page title is the h1. */
const TAGS: Record<string, RichTextTag> = {
  p: 'p',
  h1: 'h2',
  h2: 'h3',
  h3: 'h4',
  h4: 'h5',
  h5: 'h5',
  h6: 'h5',
  strong: 'strong',
  em: 'em',
  s: 's',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  blockquote: 'blockquote',
  a: 'a',
  table: 'table',
  thead: 'thead',
  tbody: 'tbody',
  tr: 'tr',
  th: 'th',
  td: 'td',
};

/** Links: web, mail, phone, or an in-app path (one `/`, not `//host` or `/\host`, which browsers read as another host). */
const SAFE_HREF = /^(?:https?:\/\/|mailto:|tel:|\/(?![/\\]))/i;
/** Images: https, or a cloud storage file the function resolves to a temporary https URL. */
const SAFE_IMAGE_SRC = /^(?:https:\/\/|cloud:\/\/)/i;
const CLOUD_FILE = /^cloud:\/\//i;
// markdown-it percent-encodes URLs, so whitespace or control characters here mean something is off.
// eslint-disable-next-line no-control-regex
const UNSAFE_URL_CHARS = /[\s\u0000-\u001F\u007F]/;
const TEXT_ALIGN = /^text-align:(left|center|right)$/;
const DIGITS = /^\d{1,9}$/;

export function isSafeHref(href: string): boolean {
  return SAFE_HREF.test(href) && !UNSAFE_URL_CHARS.test(href);
}

export function isSafeImageSrc(src: string): boolean {
  return SAFE_IMAGE_SRC.test(src) && !UNSAFE_URL_CHARS.test(src);
}

/** `<rich-text>` decodes entities in text nodes; encoding keeps "&amp;" in the source showing as written. */
function encodeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function element(
  name: RichTextTag,
  extra: Omit<RichTextAttrs, 'class'> = {},
  classes: string[] = [],
): RichTextElement {
  return { name, attrs: { class: [`md-${name}`, ...classes].join(' '), ...extra } };
}

function pushText(into: RichTextNode[], text: string): void {
  if (text === '') return;
  const last = into[into.length - 1];
  if (last && 'type' in last) last.text += encodeEntities(text);
  else into.push({ type: 'text', text: encodeEntities(text) });
}

/** The plain text of inline tokens (an image's alt text). */
function plainText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'image') return plainText(token.children ?? []);
      if (token.type === 'softbreak' || token.type === 'hardbreak') return ' ';
      return token.type === 'text' || token.type === 'code_inline' ? token.content : '';
    })
    .join('');
}

/** The element an opening token becomes, or null when its content joins the parent (not allowed, hidden, unsafe link). */
function openElement(token: Token): RichTextElement | null {
  const name = token.hidden ? undefined : TAGS[token.tag];
  if (!name) return null;
  if (name === 'a') {
    const href = token.attrGet('href') ?? '';
    return isSafeHref(href) ? element('a', { href }) : null;
  }
  if (name === 'ol') {
    // markdown-it stores the number itself, typings notwithstanding.
    const start = String(token.attrGet('start') ?? '');
    return element('ol', DIGITS.test(start) ? { start } : {});
  }
  if (name === 'th' || name === 'td') {
    const align = TEXT_ALIGN.exec(token.attrGet('style') ?? '')?.[1];
    return element(name, {}, align ? [`md-align-${align}`] : []);
  }
  return element(name);
}

function codeInline(content: string): RichTextElement {
  const code = element('code');
  code.children = [];
  pushText(code.children, content);
  return code;
}

function codeBlock(content: string): RichTextElement {
  return { ...element('pre'), children: [codeInline(content.replace(/\n$/, ''))] };
}

/**
 * Appends the nodes of `tokens` to `root`, an element `depth` levels deep. markdown-it bounds block
 * nesting but not emphasis (`***…***` nests as deep as it is long), so elements that would go deeper
 * than {@link MAX_NESTING} give way to their content: the tree the client renders stays shallow.
 */
function build(tokens: Token[], root: RichTextNode[], depth: number): void {
  // Tokens that do not become an element (hidden, not allowed, too deep) push their parent's frame again.
  const stack: { children: RichTextNode[]; depth: number }[] = [{ children: root, depth }];
  for (const token of tokens) {
    const frame = stack[stack.length - 1] ?? { children: root, depth };
    const into = frame.children;
    const fits = (levels: number) => frame.depth + levels <= MAX_NESTING;
    if (token.nesting === 1) {
      const opened = fits(1) ? openElement(token) : null;
      if (opened) {
        opened.children = [];
        into.push(opened);
        stack.push({ children: opened.children, depth: frame.depth + 1 });
      } else {
        stack.push(frame);
      }
      continue;
    }
    if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    switch (token.type) {
      case 'inline':
        build(token.children ?? [], into, frame.depth);
        break;
      case 'text':
      case 'html_inline':
      case 'html_block':
        pushText(into, token.content);
        break;
      case 'softbreak':
        pushText(into, '\n');
        break;
      case 'hardbreak':
        if (fits(1)) into.push(element('br'));
        else pushText(into, '\n');
        break;
      case 'hr':
        if (fits(1)) into.push(element('hr'));
        break;
      case 'code_inline':
        if (fits(1)) into.push(codeInline(token.content));
        else pushText(into, token.content);
        break;
      case 'code_block':
      case 'fence':
        if (fits(2)) into.push(codeBlock(token.content));
        else pushText(into, token.content);
        break;
      case 'image': {
        const src = token.attrGet('src') ?? '';
        if (fits(1) && isSafeImageSrc(src))
          into.push(element('img', { src, alt: plainText(token.children ?? []) }));
        break;
      }
      default:
        // Anything else markdown-it may produce is left out: the allow-list decides.
        break;
    }
  }
}

/** Renders Markdown into `<rich-text>` nodes that hold only allowed tags, attributes and URLs. */
export function renderMarkdown(source: string): RichTextNode[] {
  const root: RichTextNode[] = [];
  build(md.parse(source, {}), root, 0);
  return root;
}

/** The `cloud://` image sources in `nodes`, to resolve to temporary URLs. */
export function cloudImageSources(nodes: RichTextNode[]): string[] {
  return nodes.flatMap((node) => {
    if ('type' in node) return [];
    const own =
      node.name === 'img' && node.attrs.src && CLOUD_FILE.test(node.attrs.src) ? [node.attrs.src] : [];
    return [...own, ...cloudImageSources(node.children ?? [])];
  });
}

/** `nodes` with each `cloud://` image source replaced by its URL in `urls`; images without one are left out. */
export function withResolvedImages(nodes: RichTextNode[], urls: ReadonlyMap<string, string>): RichTextNode[] {
  return nodes.flatMap((node): RichTextNode[] => {
    if ('type' in node) return [node];
    if (node.name === 'img' && node.attrs.src && CLOUD_FILE.test(node.attrs.src)) {
      const url = urls.get(node.attrs.src);
      return url ? [{ ...node, attrs: { ...node.attrs, src: url } }] : [];
    }
    return [node.children ? { ...node, children: withResolvedImages(node.children, urls) } : node];
  });
}
