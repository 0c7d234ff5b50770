import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertUnits, readWxss, rewriteSelector, toBrowserCss } from '../src/wxss';

const PAGE = { page: '[data-preview-page="pages/home/index"]', host: '' };
const COMPONENT = { page: '[data-preview-page]', host: '[data-preview-host="components/card/index"]' };

/** The CSS with whitespace collapsed, so assertions read as one line. */
const css = (wxss: string, targets = COMPONENT) => toBrowserCss(wxss, targets).replace(/\s+/g, ' ').trim();

describe('units', () => {
  it('turns rpx into px for a 375 px wide frame (750 rpx to the screen)', () => {
    expect(convertUnits('750rpx')).toBe('375px');
    expect(convertUnits('32rpx 24rpx')).toBe('16px 12px');
    expect(convertUnits('-10rpx')).toBe('-5px');
    expect(convertUnits('.5rpx')).toBe('0.25px');
    expect(convertUnits('1.5rpx')).toBe('0.75px');
    expect(convertUnits('calc(100% - 20rpx)')).toBe('calc(100% - 10px)');
  });

  it('takes vw and vh of the frame, not of the browser window', () => {
    expect(convertUnits('100vw')).toBe('375px');
    expect(convertUnits('50vh')).toBe('calc(50 * var(--preview-vh))');
  });

  it('leaves strings, url()s, names and other units alone', () => {
    expect(convertUnits('"10rpx"')).toBe('"10rpx"');
    expect(convertUnits("url('/img/20rpx.png')")).toBe("url('/img/20rpx.png')");
    expect(convertUnits('url(/img/20rpx.png) no-repeat')).toBe('url(/img/20rpx.png) no-repeat');
    expect(convertUnits('icon-2rpx')).toBe('icon-2rpx');
    expect(convertUnits('#10rpx')).toBe('#10rpx');
    expect(convertUnits('10px 2em')).toBe('10px 2em');
  });
});

describe('selectors', () => {
  it('targets the elements the shell renders: page, builtin tags as wx-*, :host', () => {
    expect(rewriteSelector('page', COMPONENT)).toBe('[data-preview-page]');
    expect(rewriteSelector('view.card > text', COMPONENT)).toBe('wx-view.card > wx-text');
    expect(rewriteSelector(':host', COMPONENT)).toBe('[data-preview-host="components/card/index"]');
    expect(rewriteSelector(':host(.active) image', COMPONENT)).toBe(
      '[data-preview-host="components/card/index"].active wx-image',
    );
    expect(rewriteSelector('.list :not(view)', COMPONENT)).toBe('.list :not(wx-view)');
  });

  it('leaves classes, ids, custom tags, attributes and pseudo-classes as written', () => {
    expect(rewriteSelector('.view #text t-button', COMPONENT)).toBe('.view #text t-button');
    expect(rewriteSelector('[data-kind="view"]', COMPONENT)).toBe('[data-kind="view"]');
    expect(rewriteSelector('.item:nth-child(2n+1)::after', COMPONENT)).toBe('.item:nth-child(2n+1)::after');
    expect(rewriteSelector('.a:first-child', COMPONENT)).toBe('.a:first-child');
  });

  it('drops :host rules of a page, which has no host, and keeps the rest of the list', () => {
    expect(rewriteSelector(':host', PAGE)).toBeNull();
    expect(css(':host, .card { color: red; }', PAGE)).toBe('.card { color: red; }');
    expect(css(':host { color: red; } .x { color: blue; }', PAGE)).toBe('.x { color: blue; }');
  });
});

describe('stylesheets', () => {
  it('rewrites rules inside media queries, and rpx in the query itself', () => {
    expect(css('@media (min-width: 750rpx) { view { margin: 20rpx; } }')).toBe(
      '@media (min-width: 375px) { wx-view { margin: 10px; } }',
    );
  });

  it('keeps keyframe selectors and converts their values', () => {
    expect(css('@keyframes slide { from { left: 0; } 50% { left: 100rpx; } to { left: 750rpx; } }')).toBe(
      '@keyframes slide { from { left: 0; } 50% { left: 50px; } to { left: 375px; } }',
    );
  });

  it('keeps statement at-rules such as @charset in place', () => {
    expect(css('@charset "utf-8"; page { font-size: 28rpx; }')).toBe(
      '@charset "utf-8"; [data-preview-page] { font-size: 14px; }',
    );
  });
});

describe('imports', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxss-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('styles/base.wxss', '/* base */ .base { padding: 10rpx; }');
    write('styles/theme.wxss', "@import './base.wxss'; .theme { color: red; }");
    write(
      'pages/home/index.wxss',
      '@import \'/styles/theme.wxss\'; @import "../../styles/base"; .home { margin: 0; }',
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('inlines relative and root-absolute imports, each file once, without comments', () => {
    const out = readWxss(dir, 'pages/home/index').replace(/\s+/g, ' ').trim();
    expect(out).toBe('.base { padding: 10rpx; } .theme { color: red; } .home { margin: 0; }');
  });

  it('fails on an import of a file that does not exist', () => {
    fs.writeFileSync(path.join(dir, 'broken.wxss'), "@import './nowhere.wxss';");
    expect(() => readWxss(dir, 'broken')).toThrow('nowhere.wxss does not exist');
  });

  it('fails on WXSS that does not parse, naming the file', () => {
    fs.writeFileSync(path.join(dir, 'bad.wxss'), '.a { color: red;');
    expect(() => readWxss(dir, 'bad')).toThrow(/bad\.wxss/);
  });
});
