import {
  cloudImageSources,
  MAX_NESTING,
  renderMarkdown,
  withResolvedImages,
} from '../../../cloudfunctions/_shared/markdown';
import { SEED } from '../../../cloudbase/seed';
import type { RichTextElement, RichTextNode } from '../../../contract/api/content';

const ALLOWED_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'strong',
  'em',
  's',
  'ul',
  'ol',
  'li',
  'blockquote',
  'a',
  'img',
  'br',
  'hr',
  'code',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const ATTRS_BY_TAG: Record<string, string[]> = {
  a: ['class', 'href'],
  img: ['class', 'src', 'alt'],
  ol: ['class', 'start'],
};

function elements(nodes: RichTextNode[]): RichTextElement[] {
  return nodes.flatMap((node) => ('type' in node ? [] : [node, ...elements(node.children ?? [])]));
}

function depth(nodes: RichTextNode[]): number {
  return Math.max(0, ...nodes.map((node) => ('type' in node ? 0 : 1 + depth(node.children ?? []))));
}

function textOf(nodes: RichTextNode[]): string {
  return nodes.map((node) => ('type' in node ? node.text : textOf(node.children ?? []))).join('');
}

function byName(nodes: RichTextNode[], name: string): RichTextElement[] {
  return elements(nodes).filter((node) => node.name === name);
}

/** Every structural guarantee the renderer makes, checked over the whole tree. */
function expectSafe(nodes: RichTextNode[]): void {
  for (const node of elements(nodes)) {
    expect(ALLOWED_TAGS.has(node.name)).toBe(true);
    const allowed = ATTRS_BY_TAG[node.name] ?? ['class'];
    for (const key of Object.keys(node.attrs)) expect(allowed).toContain(key);
    expect(node.attrs.class).toMatch(/^md-[a-z0-9]+( md-align-(left|center|right))?$/);
    if (node.name === 'a') expect(node.attrs.href).toMatch(/^(https?:\/\/|mailto:|tel:|\/(?![/\\]))/i);
    if (node.name === 'img') expect(node.attrs.src).toMatch(/^(https:\/\/|cloud:\/\/)/);
  }
  const text = textOf(nodes);
  // Text nodes are entity-encoded: no raw angle brackets reach <rich-text>.
  expect(text).not.toMatch(/[<>]/);
}

/** Renders `source` and expects the result safe: allowed tags, attributes and URLs, encoded text. */
function renderSafe(source: string): RichTextNode[] {
  const nodes = renderMarkdown(source);
  expectSafe(nodes);
  return nodes;
}

describe('renderMarkdown: structure', () => {
  it('renders paragraphs, emphasis and headings one level down (the page title is the h1)', () => {
    const nodes = renderMarkdown(
      '# 一级\n\n## 二级\n\n### 三级\n\n#### 四级\n\n正文 **粗体** 与 *斜体* 与 ~~删除~~',
    );
    expect(nodes.map((node) => ('name' in node ? node.name : 'text'))).toEqual(['h2', 'h3', 'h4', 'h5', 'p']);
    expect(nodes[1]).toEqual({
      name: 'h3',
      attrs: { class: 'md-h3' },
      children: [{ type: 'text', text: '二级' }],
    });
    const paragraph = nodes[4] as RichTextElement;
    expect(paragraph.children).toEqual([
      { type: 'text', text: '正文 ' },
      { name: 'strong', attrs: { class: 'md-strong' }, children: [{ type: 'text', text: '粗体' }] },
      { type: 'text', text: ' 与 ' },
      { name: 'em', attrs: { class: 'md-em' }, children: [{ type: 'text', text: '斜体' }] },
      { type: 'text', text: ' 与 ' },
      { name: 's', attrs: { class: 'md-s' }, children: [{ type: 'text', text: '删除' }] },
    ]);
  });

  it('renders nested lists without the hidden paragraphs of tight lists', () => {
    const nodes = renderMarkdown('- 一\n  - 一点一\n    1. 深层\n- 二\n\n3. 三\n4. 四');
    const [ul, ol] = nodes as RichTextElement[];
    expect(ul?.name).toBe('ul');
    expect(byName(nodes, 'p')).toEqual([]);
    const first = ul?.children?.[0] as RichTextElement;
    expect(first.name).toBe('li');
    expect(first.children?.[0]).toEqual({ type: 'text', text: '一' });
    const nested = first.children?.[1] as RichTextElement;
    expect(nested.name).toBe('ul');
    expect(byName(nested.children ?? [], 'ol')).toHaveLength(1);
    expect(textOf(ul ? [ul] : [])).toBe('一一点一深层二');
    expect(ol).toMatchObject({ name: 'ol', attrs: { class: 'md-ol', start: '3' } });
    expect(ol?.children).toHaveLength(2);
  });

  it('renders blockquotes, code, rules and hard breaks', () => {
    const nodes = renderSafe(
      '> 引用\n\n`a<b`\n\n```js\nconst x = 1 && 2;\n```\n\n---\n\n第一行  \n第二行\n第三行',
    );
    expect(byName(nodes, 'blockquote')).toHaveLength(1);
    const codes = byName(nodes, 'code');
    expect(codes.map((code) => textOf([code]))).toEqual(['a&lt;b', 'const x = 1 &amp;&amp; 2;']);
    expect(byName(nodes, 'pre')[0]?.children?.[0]).toMatchObject({ name: 'code' });
    expect(byName(nodes, 'hr')).toEqual([{ name: 'hr', attrs: { class: 'md-hr' } }]);
    const last = nodes[nodes.length - 1] as RichTextElement;
    expect(last.children).toEqual([
      { type: 'text', text: '第一行' },
      { name: 'br', attrs: { class: 'md-br' } },
      { type: 'text', text: '第二行\n第三行' },
    ]);
  });

  it('renders tables with alignment as classes, never as style attributes', () => {
    const nodes = renderSafe('| 左 | 右 |\n|:--|--:|\n| 1 | 2 |');
    expect(nodes[0]).toMatchObject({ name: 'table' });
    expect(byName(nodes, 'th').map((cell) => cell.attrs.class)).toEqual([
      'md-th md-align-left',
      'md-th md-align-right',
    ]);
    expect(byName(nodes, 'td')).toHaveLength(2);
  });

  it('keeps safe links and images', () => {
    const nodes = renderSafe(
      '[官网](https://www.rm.dk/) [邮件](mailto:pia@example.dk) [电话](tel:+4521601445) [页面](/pages/contact/index)\n\n![维堡 *总部*](https://example.com/a.png "标题") ![](cloud://env.bucket/news/a.png)',
    );
    expect(byName(nodes, 'a').map((a) => a.attrs.href)).toEqual([
      'https://www.rm.dk/',
      'mailto:pia@example.dk',
      'tel:+4521601445',
      '/pages/contact/index',
    ]);
    expect(byName(nodes, 'img').map((img) => img.attrs)).toEqual([
      { class: 'md-img', src: 'https://example.com/a.png', alt: '维堡 总部' },
      { class: 'md-img', src: 'cloud://env.bucket/news/a.png', alt: '' },
    ]);
  });

  it('links bare URLs, e-mail addresses and autolinks', () => {
    const nodes = renderSafe(
      '见 https://www.rm.dk 或 www.example.com ，<https://a.example/x?y=1&z=2> 或 pia@example.dk',
    );
    expect(byName(nodes, 'a').map((a) => a.attrs.href)).toEqual([
      'https://www.rm.dk',
      'http://www.example.com',
      'https://a.example/x?y=1&z=2',
      'mailto:pia@example.dk',
    ]);
  });

  it('encodes entities in text, so what was written is what <rich-text> shows', () => {
    expect(renderMarkdown('a < b & c > d &amp; &nbsp;')).toEqual([
      {
        name: 'p',
        attrs: { class: 'md-p' },
        children: [{ type: 'text', text: 'a &lt; b &amp; c &gt; d &amp; \u00a0' }],
      },
    ]);
  });

  it('renders empty input as nothing', () => {
    expect(renderMarkdown('')).toEqual([]);
    expect(renderMarkdown('   \n\n  ')).toEqual([]);
  });

  it('renders every seeded body safely, with its sections as h3', () => {
    for (const item of [...SEED.news, ...SEED.opportunities]) {
      const nodes = renderSafe(item.body);
      expect(nodes.length).toBeGreaterThan(0);
      const sections = item.body.match(/^## .+$/gm) ?? [];
      expect(byName(nodes, 'h3').map((h) => textOf([h]))).toEqual(sections.map((line) => line.slice(3)));
    }
  });
});

describe('renderMarkdown: hostile input', () => {
  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x]( javascript:alert(1) )',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](file:///etc/passwd)',
    '<javascript:x>',
    '[x]\n\n[x]: javascript:alert(1)',
    '[x](//evil.example/)',
    '[x](\\\\evil.example/)',
    '[x](ftp://example.com/)',
  ])('%s is no link', (source) => {
    const nodes = renderSafe(source);
    expect(byName(nodes, 'a')).toEqual([]);
    expect(textOf(nodes)).toContain('x');
  });

  it('never lets a backslash path escape to another host', () => {
    const [a] = byName(renderMarkdown('[x](/\\evil.example)'), 'a');
    expect(a?.attrs.href).toBe('/%5Cevil.example');
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<div onclick="alert(1)">x</div>',
    '<svg/onload=alert(1)>',
    '<style>body{display:none}</style>',
  ])('raw HTML %s stays literal text', (source) => {
    const nodes = renderSafe(source);
    expect(elements(nodes).map((node) => node.name)).toEqual(['p']);
    expect(textOf(nodes)).toContain('&lt;');
  });

  it('links a URL inside raw HTML only as a plain https link', () => {
    const nodes = renderSafe('<iframe src="https://evil.example"></iframe>');
    expect(elements(nodes).map((node) => node.name)).toEqual(['p', 'a']);
    expect(byName(nodes, 'a')[0]?.attrs).toEqual({ class: 'md-a', href: 'https://evil.example' });
  });

  it('keeps raw HTML blocks as text too', () => {
    const nodes = renderSafe('<div>\n<script>alert(1)</script>\n</div>');
    expect(elements(nodes).every((node) => node.name === 'p')).toBe(true);
  });

  it.each([
    '![x](data:image/png;base64,iVBORw0KGgo=)',
    '![x](data:image/svg+xml;base64,PHN2Zz4=)',
    '![x](javascript:alert(1))',
    '![x](http://insecure.example/a.png)',
    '![x](//cdn.example/a.png)',
    '![x](/local.png)',
  ])('%s is no image', (source) => {
    const nodes = renderSafe(source);
    expect(byName(nodes, 'img')).toEqual([]);
  });

  it('gives no attribute a way in: titles, styles and event handlers are dropped', () => {
    const nodes = renderSafe(
      '[x](https://a.example "onmouseover=alert(1)") ![y](https://b.example/y.png "t")\n\n| a |\n|:-:|\n| b |',
    );
    for (const node of elements(nodes)) {
      expect(node.attrs).not.toHaveProperty('title');
      expect(node.attrs).not.toHaveProperty('style');
    }
  });

  it.each([
    ['blockquotes', `${'>'.repeat(5000)} 深`],
    ['lists', `${'- '.repeat(2000)}x`],
    ['emphasis', `${'*'.repeat(10000)}x${'*'.repeat(10000)}`],
    ['links', `${'['.repeat(5000)}x${'](https://a.example)'.repeat(5000)}`],
  ])('bounds the depth of hostile nested %s', (_kind, source) => {
    const nodes = renderSafe(source);
    expect(depth(nodes)).toBeLessThanOrEqual(MAX_NESTING);
  });

  it('keeps the text of emphasis nested too deep', () => {
    const nodes = renderMarkdown(`${'*'.repeat(999)}深${'*'.repeat(999)}`);
    expect(depth(nodes)).toBeLessThanOrEqual(MAX_NESTING);
    expect(textOf(nodes)).toContain('深');
  });

  it('still renders real nesting in full: eight levels of list with emphasis, links and what follows', () => {
    const list = Array.from(
      { length: 8 },
      (_, i) => `${'  '.repeat(i)}- 第${i + 1}层 **粗** [链](https://a.example)`,
    );
    const nodes = renderMarkdown(`${list.join('\n')}\n\n> 引用 *强调*\n\n后文`);
    expect(byName(nodes, 'ul')).toHaveLength(8);
    expect(byName(nodes, 'a')).toHaveLength(8);
    expect(textOf(nodes)).toMatch(/第8层 粗 链引用 强调后文$/);
  });
});

describe('cloud images', () => {
  const source =
    '![a](cloud://env.bucket/a.png)\n\n> ![b](cloud://env.bucket/b.png) ![c](https://ok.example/c.png)';

  it('lists the cloud:// sources to resolve', () => {
    expect(cloudImageSources(renderMarkdown(source))).toEqual([
      'cloud://env.bucket/a.png',
      'cloud://env.bucket/b.png',
    ]);
  });

  it('replaces resolved sources and leaves out images whose file was not found', () => {
    const nodes = withResolvedImages(
      renderMarkdown(source),
      new Map([['cloud://env.bucket/b.png', 'https://tmp.example/b.png?sign=1']]),
    );
    expect(byName(nodes, 'img').map((img) => img.attrs.src)).toEqual([
      'https://tmp.example/b.png?sign=1',
      'https://ok.example/c.png',
    ]);
    expect(cloudImageSources(nodes)).toEqual([]);
  });
});
