/**
 * The function part of `npm run bench`, in plain Node against a local cloud of its own
 * (`startTestCloud()`, fresh data directory):
 *
 * - `news.list` over `NEWS_DOCS` published items: the first page, and page `DEEP_PAGE` by its
 *   cursor (found once by following `nextCursor`, then asked for repeatedly), beside the skip
 *   baseline: the same query paged by `skip((DEEP_PAGE - 1) × limit)` in a bench-only function
 *   deployed next to the app's (bench/news-skip-baseline.ts), so both pay the same function hop.
 *   Beside them, with the SDK directly (no function hop): the same skip query, the cursor range
 *   query the function runs, and the first page.
 * - `enquiry.submit` one at a time, each from a caller of its own (the rate limit is per caller).
 *
 * Both are timed after warm-up rounds, in `TRIALS` trials that take turns (news rounds with every
 * operation in shuffled order, then submits), and each figure is the median of the trials' p50 and
 * p95: the machine is shared, and a burst of load from elsewhere then spoils one trial, not the
 * figure, and falls on every operation alike.
 * - `CONCURRENT_CALLERS` callers each sending one requestId `SENDS_PER_REQUEST` times at once.
 *   Lost: a requestId with no stored enquiry, whatever the calls answered. Duplicates: stored
 *   enquiries beyond one per (caller, requestId). Measured a second time with no more calls in
 *   flight than the local cloud keeps instances warm, which separates the function's own
 *   correctness from the emulator's cold starts (each in-flight call beyond the warm pool starts a
 *   worker that loads the whole bundle, and its time counts against the function's timeout).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page as ResultPage } from '../contract/api/common';
import type { NewsListItem } from '../contract/api/content';
import type { SubmitEnquiryOutput } from '../contract/api/enquiry';
import type { NewsItem } from '../contract/models';
import { decodeNewsCursor } from '../cloudfunctions/content/src/cursors';
import { NEWS_LIST_FIELDS } from '../cloudfunctions/content/src/fields';
import { COLLECTIONS, NEWS_PAGE_SIZE_DEFAULT } from '../contract/constants';
import { newsItem } from '../test/harness/seed';
import { startTestCloud, type TestCloud } from '../test/harness/local-cloud';
import { bundle, lazyChunks, listFunctions } from '../tools/build/functions';
import type { SkipPageEvent } from './news-skip-baseline';
import { enquiryInput, unwrap } from './fixtures';
import { round, shuffled, summarize, summarizeTrials, time, type Summary } from './stats';

export const NEWS_DOCS = 10_000;
export const DEEP_PAGE = 200;
export const CONCURRENT_CALLERS = 50;
export const SENDS_PER_REQUEST = 4;
/** An insert request stays under the local cloud's (and CloudBase's) 1 MB body limit. */
const INSERT_BATCH_MAX_BYTES = 900 * 1024;
const PINNED_DOCS = 3;
/**
 * Timed samples are taken in this many trials spread over the run, news rounds and submits taking
 * turns; each figure is the median of the trials' p50/p95 (bench/stats.ts).
 */
export const TRIALS = 5;
/** Instances the local cloud keeps warm per function (packages/local-cloud/src/functions/runner.ts). */
export const WARM_INSTANCES = 8;
const HOUR_MS = 3600_000;
const NEWS_TAGS = ['合作', '科研', '文化', '商务', '绿色能源'];

export interface FunctionBenchOptions {
  /** Measured samples per timed operation, taken in `TRIALS` trials after `warmup` unmeasured rounds. */
  rounds: number;
  warmup: number;
  log(line: string): void;
}

export interface FunctionBenchResult {
  newsList: {
    docs: number;
    firstPageP95Ms: number;
    deepPageP95Ms: number;
    skipBaselineDeepPageP95Ms: number;
  };
  enquirySubmit: { p50Ms: number; p95Ms: number; concurrent: number; lost: number; duplicates: number };
  details: {
    /** 1-minute load averages around the timed part: above the core count, timings are inflated. */
    load: { cpus: number; before: number; after: number };
    newsList: Record<
      | 'functionFirstPage'
      | 'functionDeepPage'
      | 'functionSkipDeepPage'
      | 'sdkFirstPage'
      | 'sdkCursorDeepPage'
      | 'sdkSkipDeepPage',
      Summary
    >;
    enquirySubmit: {
      sequential: Summary;
      /** All `CONCURRENT_CALLERS × SENDS_PER_REQUEST` calls at once: the contract's figures. */
      concurrent: ConcurrentOutcome;
      /**
       * The same with at most `WARM_INSTANCES` calls in flight: the function's idempotency under
       * concurrent retries, without the local cloud's cold starts in the way.
       */
      withinWarmPool: ConcurrentOutcome;
    };
  };
}

type CloudApp = TestCloud['app'];

export async function benchFunctions(options: FunctionBenchOptions): Promise<FunctionBenchResult> {
  const functionsDir = await benchFunctionsDir();
  const cloud = await startTestCloud({ functionsDir });
  try {
    options.log(`functions: inserting ${NEWS_DOCS} news items`);
    await insertNews(cloud.app);
    options.log(`functions: news.list to page ${DEEP_PAGE}, checked against the SDK`);
    const news = await prepareNewsList(cloud);
    const submitOne = sequentialSubmitter(cloud);
    const loadBefore = os.loadavg()[0] ?? 0;
    const { newsList, sequential } = await timeInTrials(news, submitOne, options);
    const load = { cpus: os.cpus().length, before: round(loadBefore), after: round(os.loadavg()[0] ?? 0) };
    const calls = CONCURRENT_CALLERS * SENDS_PER_REQUEST;
    options.log(`functions: enquiry.submit, ${calls} with ${WARM_INSTANCES} in flight`);
    const withinWarmPool = await concurrentSubmits(cloud, 'bench-pooled', WARM_INSTANCES);
    options.log(`functions: enquiry.submit, ${calls} at once`);
    const concurrent = await concurrentSubmits(cloud, 'bench-concurrent', calls);
    return {
      newsList: {
        docs: NEWS_DOCS,
        firstPageP95Ms: newsList.functionFirstPage.p95Ms,
        deepPageP95Ms: newsList.functionDeepPage.p95Ms,
        skipBaselineDeepPageP95Ms: newsList.functionSkipDeepPage.p95Ms,
      },
      enquirySubmit: {
        p50Ms: sequential.p50Ms,
        p95Ms: sequential.p95Ms,
        concurrent: concurrent.calls,
        lost: concurrent.lost,
        duplicates: concurrent.duplicates,
      },
      details: {
        load,
        newsList,
        enquirySubmit: {
          sequential,
          concurrent,
          withinWarmPool,
        },
      },
    };
  } finally {
    await cloud.close();
    fs.rmSync(functionsDir, { recursive: true, force: true });
  }
}

/** The bench-only function that pages `news.list`'s query by skip (bench/news-skip-baseline.ts). */
const SKIP_BASELINE_FUNCTION = 'news-skip-baseline';

/**
 * A functions folder for the bench's local cloud: the app's built functions as they deploy (bundle,
 * lazy chunks, manifests) and the skip baseline, bundled the way they are.
 */
async function benchFunctionsDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-functions-'));
  for (const fn of listFunctions()) {
    const to = path.join(dir, fn.name);
    fs.mkdirSync(to);
    for (const file of ['index.js', 'config.json', 'package.json', ...lazyChunks(fn.dir)]) {
      fs.copyFileSync(path.join(fn.dir, file), path.join(to, file));
    }
  }
  const baseline = path.join(dir, SKIP_BASELINE_FUNCTION);
  await bundle(path.join(__dirname, 'news-skip-baseline.ts'), path.join(baseline, 'index.js'));
  fs.writeFileSync(path.join(baseline, 'config.json'), JSON.stringify({ timeout: 10 }));
  return dir;
}

/**
 * Published items an hour apart, two at a time sharing a publish time (so pages also order by
 * `_id`), the newest few pinned; bodies of a realistic length, though lists never read them.
 */
function benchNews(index: number, newest: number): NewsItem {
  const publishAt = new Date(newest - Math.floor(index / 2) * HOUR_MS);
  const number = String(index).padStart(5, '0');
  return newsItem({
    _id: `bench-news-${number}`,
    title: `中日德兰大区动态 第${number}期：与上海在绿色能源和生命科学领域的合作进展`,
    summary:
      '大区代表团与上海合作伙伴会面，就风能、水资源管理和医疗创新等议题交换意见，并商定下一步交流计划。',
    body: Array.from(
      { length: 4 },
      (_, paragraph) =>
        `第${paragraph + 1}段：中日德兰大区与上海市的合作涵盖商务、知识、科研和文化交流。双方机构在可持续发展、数字医疗和职业教育方面持续开展项目，企业和高校从中受益。`,
    ).join('\n\n'),
    tags: [NEWS_TAGS[index % NEWS_TAGS.length] as string],
    pinned: index < PINNED_DOCS,
    publishAt,
    publishedAt: publishAt,
    createdAt: publishAt,
    updatedAt: publishAt,
  });
}

async function insertNews(app: CloudApp): Promise<void> {
  const newest = Date.now() - HOUR_MS;
  const news = app.database().collection(COLLECTIONS.news);
  let batch: NewsItem[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length > 0) await news.add(batch);
    batch = [];
    batchBytes = 0;
  };
  for (let index = 0; index < NEWS_DOCS; index += 1) {
    const doc = benchNews(index, newest);
    // Extended JSON is a little longer than plain JSON: leave it room.
    const bytes = Math.ceil(Buffer.byteLength(JSON.stringify(doc)) * 1.2);
    if (batchBytes + bytes > INSERT_BATCH_MAX_BYTES) await flush();
    batch.push(doc);
    batchBytes += bytes;
  }
  await flush();
  const { total } = await news.count();
  if (total < NEWS_DOCS) throw new Error(`only ${total} of ${NEWS_DOCS} news items were stored`);
}

type NewsOperation = keyof FunctionBenchResult['details']['newsList'];

type NewsOperations = Record<NewsOperation, () => Promise<string[]>>;

/**
 * The timed `news.list` operations, each answering the ids it got. Page `DEEP_PAGE`'s cursor is
 * found once by following `nextCursor`; every way of asking for a page must answer the same items.
 */
async function prepareNewsList(cloud: TestCloud): Promise<NewsOperations> {
  const limit = NEWS_PAGE_SIZE_DEFAULT;
  const listPage = async (cursor?: string) =>
    unwrap<ResultPage<NewsListItem>>(
      'content.news.list',
      await cloud.call('content', { action: 'news.list', data: { limit, ...(cursor ? { cursor } : {}) } }),
    );

  let cursor: string | undefined;
  for (let page = 1; page < DEEP_PAGE; page += 1) {
    const next: string | null = (await listPage(cursor)).nextCursor;
    if (!next) throw new Error(`news.list ended before page ${DEEP_PAGE}`);
    cursor = next;
  }
  const deepCursor = cursor as string;

  const db = cloud.app.database();
  const _ = db.command;
  const now = new Date();
  const visible = { status: 'published', publishAt: _.lte(now) };
  const ordered = (query: object) =>
    db
      .collection(COLLECTIONS.news)
      .where(query)
      .orderBy('pinned', 'desc')
      .orderBy('publishAt', 'desc')
      .orderBy('_id', 'desc')
      .field(NEWS_LIST_FIELDS);
  // content/src/repo/news.ts's range after a position, on the same index order.
  const after = decodeNewsCursor(deepCursor);
  const sameGroup = _.and([
    { pinned: after.pinned, publishAt: _.lte(after.publishAt) },
    _.or([{ publishAt: _.lt(after.publishAt) }, { _id: _.lt(after.id) }]),
  ]);
  const afterDeep = after.pinned ? _.or([{ pinned: false }, sameGroup]) : sameGroup;
  const idsOf = (docs: unknown[]) => (docs as { _id: string }[]).map((doc) => doc._id);

  const operations: Record<NewsOperation, () => Promise<string[]>> = {
    functionFirstPage: async () => (await listPage()).items.map((item) => item.id),
    functionDeepPage: async () => (await listPage(deepCursor)).items.map((item) => item.id),
    functionSkipDeepPage: async () => {
      const event: SkipPageEvent = { skip: (DEEP_PAGE - 1) * limit, limit };
      const answer = await cloud.call<{ items?: unknown[] }>(SKIP_BASELINE_FUNCTION, event);
      if (!answer.items) throw new Error(`${SKIP_BASELINE_FUNCTION} failed: ${JSON.stringify(answer)}`);
      return idsOf(answer.items);
    },
    sdkFirstPage: async () =>
      idsOf(
        (
          await ordered(visible)
            .limit(limit + 1)
            .get()
        ).data,
      ).slice(0, limit),
    sdkCursorDeepPage: async () =>
      idsOf(
        (
          await ordered(_.and([visible, afterDeep]))
            .limit(limit + 1)
            .get()
        ).data,
      ).slice(0, limit),
    sdkSkipDeepPage: async () =>
      idsOf(
        (
          await ordered(visible)
            .skip((DEEP_PAGE - 1) * limit)
            .limit(limit)
            .get()
        ).data,
      ),
  };

  // The same pages whichever way they are asked for, or the comparison means nothing.
  const deep = await operations.functionDeepPage();
  for (const name of ['functionSkipDeepPage', 'sdkCursorDeepPage', 'sdkSkipDeepPage'] as const) {
    const ids = await operations[name]();
    if (ids.join() !== deep.join())
      throw new Error(`${name} answered other items than news.list page ${DEEP_PAGE}`);
  }
  if ((await operations.sdkFirstPage()).join() !== (await operations.functionFirstPage()).join()) {
    throw new Error('the SDK first page differs from news.list');
  }

  return operations;
}

/** Each call submits a new enquiry from a caller of its own (the rate limit is per caller). */
function sequentialSubmitter(cloud: TestCloud): () => Promise<unknown> {
  let index = 0;
  return () => {
    index += 1;
    return submit(cloud, `bench-seq-${index}`, `bench-seq-request-${index}`);
  };
}

/**
 * Warm-up rounds, then `TRIALS` trials: in each, rounds of every news operation in shuffled order,
 * then as many sequential submits. Load from other processes then falls on all operations alike.
 */
async function timeInTrials(
  news: NewsOperations,
  submitOne: () => Promise<unknown>,
  options: FunctionBenchOptions,
): Promise<{ newsList: Record<NewsOperation, Summary>; sequential: Summary }> {
  const names = Object.keys(news) as NewsOperation[];
  for (let round = 0; round < options.warmup; round += 1) {
    for (const name of shuffled(names)) await news[name]();
    await submitOne();
  }
  const perTrial = Math.ceil(options.rounds / TRIALS);
  const newsTrials = Object.fromEntries(names.map((name) => [name, [] as number[][]])) as Record<
    NewsOperation,
    number[][]
  >;
  const submitTrials: number[][] = [];
  for (let trial = 0; trial < TRIALS; trial += 1) {
    options.log(
      `functions: trial ${trial + 1}/${TRIALS}: news.list ×${perTrial} each, enquiry.submit ×${perTrial}`,
    );
    const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
      NewsOperation,
      number[]
    >;
    for (let round = 0; round < perTrial; round += 1) {
      for (const name of shuffled(names)) samples[name].push(await time(news[name]));
    }
    names.forEach((name) => newsTrials[name].push(samples[name]));
    const submits: number[] = [];
    for (let round = 0; round < perTrial; round += 1) submits.push(await time(submitOne));
    submitTrials.push(submits);
  }
  return {
    newsList: Object.fromEntries(names.map((name) => [name, summarizeTrials(newsTrials[name])])) as Record<
      NewsOperation,
      Summary
    >,
    sequential: summarizeTrials(submitTrials),
  };
}

async function submit(cloud: TestCloud, openId: string, requestId: string): Promise<SubmitEnquiryOutput> {
  const answer = await cloud.call('enquiry', { action: 'submit', data: enquiryInput(requestId) }, openId);
  return unwrap<SubmitEnquiryOutput>('enquiry.submit', answer);
}

interface SubmitAnswer {
  ok: boolean;
  data?: SubmitEnquiryOutput;
  error?: { code: string };
}

interface ConcurrentOutcome {
  calls: number;
  wallMs: number;
  latency: Summary;
  /** How many calls answered what: `ok new`, `ok duplicate`, or the error code. */
  answers: Record<string, number>;
  lost: number;
  duplicates: number;
  /** requestIds whose successful answers named another enquiry than the one stored. */
  inconsistentIds: number;
}

/**
 * `CONCURRENT_CALLERS` callers, each sending its requestId `SENDS_PER_REQUEST` times, the sends of
 * one requestId next to each other; at most `inFlight` calls at a time.
 */
async function concurrentSubmits(
  cloud: TestCloud,
  prefix: string,
  inFlight: number,
): Promise<ConcurrentOutcome> {
  const callers = Array.from({ length: CONCURRENT_CALLERS }, (_, index) => ({
    openId: `${prefix}-${index}`,
    requestId: `${prefix}-request-${index}`,
  }));
  const sends = callers.flatMap((caller) => Array.from({ length: SENDS_PER_REQUEST }, () => caller));
  const outcomes: { openId: string; requestId: string; answer: SubmitAnswer; ms: number }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < sends.length) {
      const { openId, requestId } = sends[next++] as (typeof sends)[number];
      const callStarted = performance.now();
      const answer: SubmitAnswer = await cloud
        .call<SubmitAnswer>('enquiry', { action: 'submit', data: enquiryInput(requestId) }, openId)
        .catch((error: unknown) => ({ ok: false, error: { code: `NETWORK ${(error as Error).message}` } }));
      outcomes.push({ openId, requestId, answer, ms: performance.now() - callStarted });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(inFlight, sends.length) }, worker));
  const wallMs = performance.now() - started;

  const db = cloud.app.database();
  const { data } = await db
    .collection(COLLECTIONS.enquiries)
    .where({ _openid: db.command.in(callers.map((caller) => caller.openId)) })
    .field({ _id: true, _openid: true, requestId: true })
    .limit(1000)
    .get();
  const stored = new Map<string, string[]>();
  for (const doc of data as { _id: string; _openid: string; requestId: string }[]) {
    const key = `${doc._openid}/${doc.requestId}`;
    stored.set(key, [...(stored.get(key) ?? []), doc._id]);
  }

  const answers: Record<string, number> = {};
  const answeredIds = new Map<string, Set<string>>();
  for (const { openId, requestId, answer } of outcomes) {
    const kind = answer.ok
      ? answer.data?.duplicate
        ? 'ok duplicate'
        : 'ok new'
      : (answer.error?.code ?? 'failed');
    answers[kind] = (answers[kind] ?? 0) + 1;
    if (answer.ok && answer.data) {
      const key = `${openId}/${requestId}`;
      answeredIds.set(key, (answeredIds.get(key) ?? new Set()).add(answer.data.id));
    }
  }
  const keys = callers.map((caller) => `${caller.openId}/${caller.requestId}`);
  return {
    calls: sends.length,
    wallMs: round(wallMs),
    latency: summarize(outcomes.map((outcome) => outcome.ms)),
    answers,
    lost: keys.filter((key) => (stored.get(key) ?? []).length === 0).length,
    duplicates: keys.reduce((sum, key) => sum + Math.max(0, (stored.get(key) ?? []).length - 1), 0),
    inconsistentIds: keys.filter((key) => {
      const ids = answeredIds.get(key);
      const storedIds = stored.get(key) ?? [];
      return ids !== undefined && (ids.size > 1 || ![...ids].every((id) => storedIds.includes(id)));
    }).length,
  };
}
