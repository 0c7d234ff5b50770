/**
 * Page measurement: every page app.json lists, rendered by the test harness (miniprogram-simulate)
 * with real data from a local cloud of its own. Runs inside jest only: the harness needs jest's
 * globals (bench/pages.bench.ts for `npm run bench`, test/miniprogram/budgets.test.ts for `npm test`).
 *
 * Per page, from its creation until its content shows:
 * - `initialSetDataBytes`: everything sent to the render layer, as `JSON.stringify` bytes: the
 *   page's initial `data` (sent with the first render) plus every `setData` payload up to and
 *   including the one that shows the content. It bounds the first content setData from above;
 * - `setDataCalls`: the page's `setData` calls up to and including that one;
 * - `wxmlNodes`: elements of the rendered tree once the content shows, the page included, counting
 *   those inside custom components' shadow trees (TDesign's virtual hosts have no element of their own);
 * - `shownMs`: the time from the page's creation to the `setData` that shows its content; for the
 *   home page (`firstScreen`) from a cold `content` instance and from a warm one.
 *
 * "Content shows" is concrete: a page whose data carries a loading state (`status: 'loading'`, the
 * state-view convention, or `loading: true`) shows content with the first `setData` that ends it;
 * ending in `status: 'error'`, `'forbidden'` or `'empty'` fails the measurement (an empty state is
 * no measurement of real data). A page without a loading state shows its
 * content once `onLoad`, `onShow` and `onReady` have settled. The platform's order is kept: the
 * three hooks start one after the other, without waiting for each other's data.
 *
 * Pages that need a query get one made from real data (`QUERIES`); any other page opens without
 * one. A page that fails to render, or does not show content within `CONTENT_TIMEOUT_MS`, fails.
 */
import type { Page as ResultPage } from '../contract/api/common';
import type { NewsListItem, OpportunityListItem, ProfileOutput } from '../contract/api/content';
import type { SubmitEnquiryOutput } from '../contract/api/enquiry';
import { installApp, installWx, loadPage, settle, type Data } from '../test/harness/simulate';
import type { PageFigures } from './budgets';
import { enquiryInput, unwrap } from './fixtures';
import { startPageCloud, type PageCloud } from './page-cloud';
import { percentile, round } from './stats';

/** The reader every page is opened as; made staff, so staff pages render as staff see them. */
export const BENCH_OPENID = 'bench-page-reader';
const CONTENT_TIMEOUT_MS = 10_000;
const POLL_MS = 10;

export interface PageMeasurement extends PageFigures {
  /** The query the page was opened with. */
  query: Record<string, string>;
  /** `JSON.stringify` bytes of the page's initial data. */
  initialDataBytes: number;
  /** `JSON.stringify` bytes of each setData payload until the content showed. */
  setDataBytes: number[];
  /** How the content showed: the final `status` (`ready`), or `loaded` for a page without one. */
  shown: string;
  /** Milliseconds from the page's creation to the `setData` that showed its content. */
  shownMs: number;
}

/** The page a partner sees first, and its one call: `content` `home`. */
export const FIRST_SCREEN_PAGE = 'pages/home/index';
const FIRST_SCREEN_FUNCTION = 'content';

/** Time to the first screen's content, from a cold `content` instance and from a warm one. */
export interface FirstScreen {
  page: string;
  /** Medians over `runs` alternated loads. */
  coldMs: number;
  warmMs: number;
  runs: number;
  samples: { coldMs: number[]; warmMs: number[] };
}

interface QueryContext {
  call<T>(name: string, event: Data): Promise<T>;
  /** An enquiry the reader submitted, so 我的咨询 and the staff lists have one to show. */
  enquiry: SubmitEnquiryOutput;
}

type QueryOf = (context: QueryContext) => Promise<Record<string, string>>;

const firstNewsId = async ({ call }: QueryContext) => {
  const page = await call<ResultPage<NewsListItem>>('content', { action: 'news.list', data: { limit: 1 } });
  return firstOf(page.items, 'news').id;
};

const firstOpportunityId = async ({ call }: QueryContext) => {
  const page = await call<ResultPage<OpportunityListItem>>('content', { action: 'opportunities.list' });
  return firstOf(page.items, 'opportunities').id;
};

/**
 * Pages that show nothing (or an empty editor) without a query: each opened on real content, the
 * first of its kind. A page added later that needs one fails the bench until it has an entry here.
 */
const QUERIES: Record<string, QueryOf> = {
  'pages/news-detail/index': async (context) => ({ id: await firstNewsId(context) }),
  'pages/opportunity-detail/index': async (context) => ({ id: await firstOpportunityId(context) }),
  'pages/focus-area/index': async ({ call }) => {
    const profile = await call<ProfileOutput>('content', { action: 'profile' });
    return { id: firstOf(profile.focusAreas, 'focus areas').id };
  },
  'packages/enquiry/pages/success/index': async ({ enquiry }) => ({ id: enquiry.id, status: enquiry.status }),
  'packages/admin/pages/enquiry/index': async ({ enquiry }) => ({ id: enquiry.id }),
  'packages/admin/pages/news-edit/index': async (context) => ({ id: await firstNewsId(context) }),
  'packages/admin/pages/opportunity-edit/index': async (context) => ({
    id: await firstOpportunityId(context),
  }),
};

function firstOf<T>(items: T[], what: string): T {
  const [first] = items;
  if (first === undefined) throw new Error(`the local cloud has no ${what} to open a page with`);
  return first;
}

export interface PageBench {
  measure(route: string): Promise<PageMeasurement>;
  /**
   * The home page opened `runs` times right after `content`'s instances were replaced (cold) and
   * `runs` times with one already running (warm), alternated, each as a first launch (no cache).
   */
  firstScreen(runs: number): Promise<FirstScreen>;
  close(): Promise<void>;
}

/** Starts the cloud the pages read from (seeded, with one enquiry by the reader). */
export async function startPageBench(): Promise<PageBench> {
  const cloud: PageCloud = await startPageCloud([BENCH_OPENID]);
  try {
    const callFunction = cloud.caller(BENCH_OPENID);
    const call = async <T>(name: string, event: Data) =>
      unwrap<T>(`${name}.${String(event.action)}`, await callFunction(name, event));
    const enquiry = await call<SubmitEnquiryOutput>('enquiry', {
      action: 'submit',
      data: enquiryInput('bench-page-enquiry'),
    });
    const context: QueryContext = { call, enquiry };
    return {
      measure: (route) => measurePage(route, context, cloud),
      firstScreen: (runs) => measureFirstScreen(runs, context, cloud),
      close: () => cloud.close(),
    };
  } catch (error) {
    await cloud.close();
    throw error;
  }
}

type LoadingState = 'loading' | 'failed' | 'shown' | 'none';

/** Statuses that end loading without content: a failure, or staff-only content refused. */
const FAILED_STATUSES = new Set(['error', 'forbidden']);
/** Loading ended with nothing to show: no measurement of a page with real data. */
const EMPTY_STATUS = 'empty';

function loadingState(data: Data): LoadingState {
  if (typeof data.status === 'string') {
    if (data.status === 'loading') return 'loading';
    return FAILED_STATUSES.has(data.status) ? 'failed' : 'shown';
  }
  if (typeof data.loading === 'boolean') return data.loading ? 'loading' : 'shown';
  return 'none';
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

async function measurePage(route: string, context: QueryContext, cloud: PageCloud): Promise<PageMeasurement> {
  const query = QUERIES[route] ? await QUERIES[route](context) : {};
  installApp({ globalData: { fontScale: 1 } });
  const wx = installWx({ callFunction: cloud.caller(BENCH_OPENID) });
  // Platform APIs simulate lacks, which pages call on every open.
  Object.assign(wx, {
    showShareMenu: jest.fn(),
    hideShareMenu: jest.fn(),
    onNeedPrivacyAuthorization: jest.fn(),
  });

  const started = performance.now();
  let shownMs = 0;
  const page = loadPage(route);
  const instance = page.instance;
  const initialDataBytes = bytesOf(page.data);
  const hasLoadingState = loadingState(page.data) === 'loading';
  const payloads: number[] = [];
  /** Calls made when the content showed; undefined until then. */
  let shownAfter: number | undefined;
  const setData = instance.setData.bind(instance);
  instance.setData = (data, callback) => {
    payloads.push(bytesOf(data));
    setData(data, callback);
    if (hasLoadingState && shownAfter === undefined && loadingState(instance.data) !== 'loading') {
      shownAfter = payloads.length;
      shownMs = performance.now() - started;
    }
  };

  await Promise.all([page.onLoad(query), page.onShow(), page.onReady()]);
  if (hasLoadingState) {
    for (let waited = 0; shownAfter === undefined; waited += POLL_MS) {
      if (waited > CONTENT_TIMEOUT_MS) {
        throw new Error(
          `${route}: still loading ${CONTENT_TIMEOUT_MS} ms after onLoad/onShow/onReady settled`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } else {
    shownAfter = payloads.length;
    shownMs = performance.now() - started;
  }
  await settle();

  if (loadingState(page.data) === 'failed') {
    const message = String(page.data.errorMessage ?? '');
    throw new Error(
      `${route}: shows status '${String(page.data.status)}' instead of content ${message}`.trim(),
    );
  }
  if (page.data.status === EMPTY_STATUS) {
    throw new Error(
      `${route}: shows its empty state (${String(page.data.emptyText ?? '')}), so there is nothing real to ` +
        'measure: give it a query or data in bench/pages.ts',
    );
  }
  const setDataBytes = payloads.slice(0, shownAfter);
  return {
    path: route,
    initialSetDataBytes: initialDataBytes + setDataBytes.reduce((sum, bytes) => sum + bytes, 0),
    setDataCalls: setDataBytes.length,
    wxmlNodes: countElements(page.root.dom, route),
    query,
    initialDataBytes,
    setDataBytes,
    shown: hasLoadingState ? String(page.data.status ?? 'ready') : 'loaded',
    shownMs,
  };
}

async function measureFirstScreen(
  runs: number,
  context: QueryContext,
  cloud: PageCloud,
): Promise<FirstScreen> {
  const samples = { coldMs: [] as number[], warmMs: [] as number[] };
  for (let run = 0; run < runs; run += 1) {
    cloud.coldStart(FIRST_SCREEN_FUNCTION);
    samples.coldMs.push((await measurePage(FIRST_SCREEN_PAGE, context, cloud)).shownMs);
    // The instance that just answered is now idle and warm.
    samples.warmMs.push((await measurePage(FIRST_SCREEN_PAGE, context, cloud)).shownMs);
  }
  return {
    page: FIRST_SCREEN_PAGE,
    coldMs: round(percentile(samples.coldMs, 50)),
    warmMs: round(percentile(samples.warmMs, 50)),
    runs,
    samples,
  };
}

interface ElementTree {
  querySelectorAll(selector: string): { length: number };
}

function countElements(dom: unknown, route: string): number {
  if (!dom) throw new Error(`${route}: rendered no element`);
  return 1 + (dom as ElementTree).querySelectorAll('*').length;
}
