/** @jest-environment jsdom */
import type { PreviewManifest } from '../src/build';
import { Router } from '../src/shell/router';
import type { SimRoot } from '../src/shell/types';

type Instance = Record<string, unknown>;

/** What the pages did, in order: `<route> <hook>`. */
let log: string[] = [];

/** simulate's load/render as the router drives them: each render is a page that logs its hooks. */
function fakeSimulate(): void {
  const routes = new Map<string, string>();
  (window as unknown as { simulate: unknown }).simulate = {
    load(componentPath: string) {
      const id = `c${routes.size}`;
      routes.set(id, componentPath.replace(/^\//, ''));
      return id;
    },
    render(id: string): SimRoot {
      const route = routes.get(id) ?? '';
      const instance: Instance = { data: {} };
      for (const hook of ['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload']) {
        instance[hook] = (...args: unknown[]) =>
          log.push(`${route} ${hook}${args.length > 0 ? ` ${JSON.stringify(args[0])}` : ''}`);
      }
      const dom = document.createElement('div');
      return {
        dom,
        instance: instance as SimRoot['instance'],
        data: {},
        attach: (parent: Element) => parent.append(dom),
        detach: () => dom.remove(),
        triggerPageLifeTime: () => undefined,
      };
    },
  };
}

const PAGES = [
  'pages/home/index',
  'pages/news/index',
  'pages/news-detail/index',
  'packages/form/pages/form/index',
];

function router(): Router {
  const manifest = {
    appJson: {
      pages: PAGES.slice(0, 3),
      tabBar: { list: [{ pagePath: 'pages/home/index' }, { pagePath: 'pages/news/index' }] },
    },
    theme: {},
    pages: Object.fromEntries(PAGES.map((page) => [page, { json: {} }])),
    tabBarComponent: null,
    unsupported: {},
  } as unknown as PreviewManifest;
  const viewport = document.createElement('div');
  document.body.append(viewport);
  return new Router({ manifest, viewport, track: (work) => work, onChange: () => undefined });
}

beforeEach(() => {
  log = [];
  document.body.innerHTML = '<div id="preview-phone"></div><div id="preview-overlay"></div>';
  fakeSimulate();
});

describe('urls', () => {
  it('resolves absolute and relative urls against the top page, with the query as written', async () => {
    const stack = router();
    expect(stack.resolve('/pages/news-detail/index?id=a%20b&x')).toEqual({
      route: 'pages/news-detail/index',
      query: { id: 'a%20b', x: '' },
    });
    await stack.reLaunch('/pages/news/index');
    expect(stack.resolve('../news-detail/index?id=1').route).toBe('pages/news-detail/index');
    expect(stack.resolve('./index').route).toBe('pages/news/index');
  });

  it('refuses a page app.json does not list', () => {
    expect(() => router().resolve('/pages/nowhere/index')).toThrow('page "pages/nowhere/index" is not found');
  });
});

describe('the page stack', () => {
  it('runs WeChat’s lifecycles on navigateTo and navigateBack', async () => {
    const stack = router();
    await stack.reLaunch('/pages/home/index');
    await stack.navigateTo('/pages/news-detail/index?id=7');
    await stack.navigateBack(1);
    expect(log).toEqual([
      'pages/home/index onLoad {}',
      'pages/home/index onShow',
      'pages/home/index onReady',
      'pages/home/index onHide',
      'pages/news-detail/index onLoad {"id":"7"}',
      'pages/news-detail/index onShow',
      'pages/news-detail/index onReady',
      'pages/news-detail/index onUnload',
      'pages/home/index onShow',
    ]);
    expect(stack.entries.map((entry) => entry.route)).toEqual(['pages/home/index']);
  });

  it('keeps tab pages to switchTab, and other pages out of it', async () => {
    const stack = router();
    await stack.reLaunch('/pages/home/index');
    await expect(stack.navigateTo('/pages/news/index')).rejects.toThrow('can not navigateTo a tabbar page');
    await expect(stack.switchTab('/pages/news-detail/index')).rejects.toThrow(
      'can not switch to no-tabBar page',
    );
    await stack.switchTab('/pages/news/index');
    expect(stack.entries.map((entry) => entry.route)).toEqual(['pages/news/index']);
    // A tab page stays alive once opened: switching back shows it without loading it again.
    await stack.switchTab('/pages/home/index');
    expect(log.filter((line) => line.startsWith('pages/home/index onLoad'))).toHaveLength(1);
  });

  it('stops at ten pages, as WeChat does', async () => {
    const stack = router();
    await stack.reLaunch('/pages/home/index');
    for (let i = 1; i < 10; i++) await stack.navigateTo(`/pages/news-detail/index?n=${i}`);
    await expect(stack.navigateTo('/pages/news-detail/index')).rejects.toThrow(
      'webview count limit exceed (10)',
    );
    expect(stack.entries).toHaveLength(10);
  });

  it('redirectTo replaces the top page', async () => {
    const stack = router();
    await stack.reLaunch('/pages/home/index');
    await stack.navigateTo('/pages/news-detail/index');
    await stack.redirectTo('/packages/form/pages/form/index');
    expect(stack.entries.map((entry) => entry.route)).toEqual([
      'pages/home/index',
      'packages/form/pages/form/index',
    ]);
    expect(log).toContain('pages/news-detail/index onUnload');
  });
});
