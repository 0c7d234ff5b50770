/** `<rich-text>`: HTML or a node array, through WeChat's whitelist. */
import { base, reflect, scopedClasses, unsupported, type Builtin, type Definition } from './base';

/** Tags and attributes `<rich-text>` renders (WeChat's whitelist); anything else is left out. */
const RICH_TEXT_TAGS = new Set(
  (
    'a abbr address article aside b bdi bdo big blockquote br caption center cite code col colgroup dd del ' +
    'div dl dt em fieldset font footer h1 h2 h3 h4 h5 h6 header hr i img ins label legend li mark nav ol p pre ' +
    'q rt ruby s section small span strong sub sup table tbody td tfoot th thead tr tt u ul'
  ).split(' '),
);
const RICH_TEXT_ATTRIBUTES: Record<string, string[]> = {
  '*': ['class', 'style'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  img: ['alt', 'src', 'height', 'width'],
  ol: ['start', 'type'],
  table: ['width'],
  td: ['colspan', 'height', 'rowspan', 'width'],
  th: ['colspan', 'height', 'rowspan', 'width'],
};

interface RichNode {
  name?: string;
  type?: string;
  text?: string;
  attrs?: Record<string, string>;
  children?: RichNode[];
}

/** `<rich-text nodes>`: an HTML string or a node array, through WeChat's whitelist. */
export function richText(): Definition {
  const rest = unsupported('rich-text', { space: '' });
  return base({
    properties: {
      nodes: { type: null, value: [] },
      userSelect: { type: Boolean, value: false },
      ...rest.properties,
    },
    observers: {
      ...rest.observers,
      nodes(this: Builtin, nodes: unknown) {
        const container = this.native as HTMLElement;
        container.replaceChildren();
        const list: RichNode[] =
          typeof nodes === 'string' ? parseHtml(nodes) : Array.isArray(nodes) ? (nodes as RichNode[]) : [];
        for (const node of list) appendRich(this, container, node);
      },
      userSelect(this: Builtin, value: unknown) {
        reflect(this.host, 'user-select', value);
      },
    },
    lifetimes: {
      created(this: Builtin) {
        const container = document.createElement('div');
        container.className = 'preview-rich-text';
        this.native = container;
        this.host.append(container);
      },
    },
  });
}

function parseHtml(html: string): RichNode[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const toNode = (node: Node): RichNode | null => {
    if (node.nodeType === Node.TEXT_NODE) return { type: 'text', text: node.textContent ?? '' };
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const element = node as Element;
    return {
      name: element.tagName.toLowerCase(),
      attrs: Object.fromEntries(
        [...element.attributes].map((attribute) => [attribute.name, attribute.value]),
      ),
      children: [...element.childNodes].map(toNode).filter((child): child is RichNode => child !== null),
    };
  };
  return [...doc.body.childNodes].map(toNode).filter((child): child is RichNode => child !== null);
}

function appendRich(node: Builtin, parent: Element, rich: RichNode): void {
  if (rich.type === 'text' || rich.name === undefined) {
    parent.append(document.createTextNode(rich.text ?? ''));
    return;
  }
  const name = rich.name.toLowerCase();
  if (!RICH_TEXT_TAGS.has(name)) {
    // WeChat drops a tag it does not support and keeps its text.
    for (const child of rich.children ?? []) appendRich(node, parent, child);
    return;
  }
  const element = document.createElement(name);
  const allowed = new Set([...(RICH_TEXT_ATTRIBUTES['*'] ?? []), ...(RICH_TEXT_ATTRIBUTES[name] ?? [])]);
  for (const [attribute, value] of Object.entries(rich.attrs ?? {})) {
    if (!allowed.has(attribute)) continue;
    // Class names in nodes are the page's, scoped like the rest of its template.
    if (attribute === 'class') element.className = scopedClasses(node, value).join(' ');
    else element.setAttribute(attribute, value);
  }
  for (const child of rich.children ?? []) appendRich(node, element, child);
  parent.append(element);
}
