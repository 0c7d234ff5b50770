import type { RichTextElement, RichTextNode } from '../../contract/api/content';

/**
 * A rendered body (the content function's `<rich-text>` nodes) as blocks the page can make
 * tappable. `<rich-text>` shows links but cannot report a tap on one, and shows no `cloud://`
 * image, so whatever holds a link or an image is laid out with views, texts and images instead;
 * everything else stays one `<rich-text>` per run of blocks. Only the nodes' own allow-listed
 * tags, classes, link targets and image sources are used: no HTML is ever parsed here.
 */

export interface TextSegment {
  kind: 'text';
  /** The md-* classes of the node and its inline ancestors. */
  cls: string;
  text: string;
  /** Set when the text is (inside) a link. */
  href: string;
}

export interface ImageSegment {
  kind: 'image';
  src: string;
  alt: string;
}

export type Segment = TextSegment | ImageSegment;

export type Block =
  /** Nodes without links or images, shown by `<rich-text>`. */
  | { kind: 'rich'; nodes: RichTextNode[] }
  /** A paragraph, heading or list item's inline content, as segments. */
  | { kind: 'inline'; cls: string; segments: Segment[] }
  /** A list whose items hold links or images: each item with its marker, rendered as blocks again. */
  | { kind: 'list'; cls: string; items: { marker: string; nodes: RichTextNode[] }[] }
  /** Any other container (a quotation) holding links or images: its children as blocks again. */
  | { kind: 'box'; cls: string; nodes: RichTextNode[] };

const INLINE = new Set(['strong', 'em', 's', 'a', 'code', 'br', 'img']);
/** Tables keep `<rich-text>`'s table layout: a link in a cell shows but is not tappable. */
const KEEP_RICH = new Set(['table', 'pre', 'hr']);

const isText = (node: RichTextNode): node is { type: 'text'; text: string } => 'type' in node;

function isInline(node: RichTextNode): boolean {
  return isText(node) || INLINE.has(node.name);
}

/** Whether `node` holds a link or an image the reader can use only outside `<rich-text>`. */
function needsElements(node: RichTextNode): boolean {
  if (isText(node) || KEEP_RICH.has(node.name)) return false;
  if (node.name === 'a' || node.name === 'img') return true;
  return (node.children ?? []).some(needsElements);
}

/** The text nodes are entity-encoded for `<rich-text>`; `<text>` shows characters as they are. */
function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function segmentsOf(nodes: RichTextNode[], classes: string[], href: string, into: Segment[]): Segment[] {
  for (const node of nodes) {
    if (isText(node)) {
      // A soft line break inside a paragraph reads as a space, as `<rich-text>` shows it.
      into.push({ kind: 'text', cls: classes.join(' '), text: decode(node.text).replace(/\n/g, ' '), href });
    } else if (node.name === 'img') {
      if (node.attrs.src) into.push({ kind: 'image', src: node.attrs.src, alt: node.attrs.alt ?? '' });
    } else if (node.name === 'br') {
      into.push({ kind: 'text', cls: classes.join(' '), text: '\n', href });
    } else {
      segmentsOf(node.children ?? [], [...classes, node.attrs.class], node.attrs.href ?? href, into);
    }
  }
  return into;
}

function listBlock(node: RichTextElement): Block {
  const ordered = node.name === 'ol';
  const start = Number(node.attrs.start ?? '1') || 1;
  const items = (node.children ?? []).filter((child): child is RichTextElement => !isText(child));
  return {
    kind: 'list',
    cls: node.attrs.class,
    items: items.map((item, i) => ({ marker: ordered ? `${start + i}.` : '•', nodes: item.children ?? [] })),
  };
}

function elementBlock(node: RichTextElement): Block {
  if (node.name === 'ul' || node.name === 'ol') return listBlock(node);
  const children = node.children ?? [];
  if (children.every(isInline)) {
    return { kind: 'inline', cls: node.attrs.class, segments: segmentsOf(children, [], '', []) };
  }
  return { kind: 'box', cls: node.attrs.class, nodes: children };
}

/** The blocks of `nodes`, in order; consecutive link- and image-free nodes share one `rich` block. */
export function toBlocks(nodes: readonly RichTextNode[]): Block[] {
  const blocks: Block[] = [];
  let inline: RichTextNode[] = [];
  const flushInline = () => {
    if (inline.length === 0) return;
    blocks.push(
      inline.some(needsElements)
        ? { kind: 'inline', cls: '', segments: segmentsOf(inline, [], '', []) }
        : { kind: 'rich', nodes: inline },
    );
    inline = [];
  };
  const pushRich = (node: RichTextNode) => {
    const last = blocks[blocks.length - 1];
    if (last?.kind === 'rich') last.nodes.push(node);
    else blocks.push({ kind: 'rich', nodes: [node] });
  };
  for (const node of nodes) {
    // Inline nodes side by side (a tight list item's content) stay one line of text.
    if (isInline(node)) {
      inline.push(node);
      continue;
    }
    flushInline();
    if (needsElements(node)) blocks.push(elementBlock(node as RichTextElement));
    else pushRich(node);
  }
  flushInline();
  return blocks;
}
