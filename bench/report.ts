/**
 * `bench/results/latest.json` (the keys CONTRACTS.md fixes) and the Markdown tables printed by
 * `npm run bench` and pasted into the README, each figure beside the baseline's.
 */
import {
  COLD_START_MAX_RATIO,
  DEEP_PAGE_MAX_RATIO,
  ENQUIRIES_LOST_MAX,
  ENQUIRY_DUPLICATES_MAX,
  ENQUIRY_SUBMIT_P95_MAX_MS,
  FIRST_SET_DATA_MAX_BYTES,
  FUNCTION_BUNDLE_MAX_BYTES,
  KB,
  LOCAL_DB_MIN_SPEEDUP,
  MAIN_PACKAGE_MAX_BYTES,
  SUBPACKAGE_MAX_BYTES,
  WXML_NODES_LIMIT,
  type ColdStartFigures,
  type PageFigures,
} from './budgets';
import { BASELINE_NAME, type ColdStartResult } from './cold-start';
import {
  CONCURRENT_CALLERS,
  SENDS_PER_REQUEST,
  TRIALS,
  WARM_INSTANCES,
  type FunctionBenchResult,
} from './functions';
import type { LocalDbResult } from './local-db';
import type { PackageReport } from './package-size';
import type { FirstScreen } from './pages';
import type { Summary } from './stats';

/** Exactly the keys of CONTRACTS.md. */
export interface LatestResults {
  package: { mainBytes: number; totalBytes: number; subpackages: Record<string, number> };
  pages: PageFigures[];
  functions: {
    newsList: FunctionBenchResult['newsList'];
    enquirySubmit: FunctionBenchResult['enquirySubmit'];
    coldStart: ColdStartFigures;
  };
}

export function latestResults(
  pkg: PackageReport,
  pages: PageFigures[],
  functions: FunctionBenchResult,
  coldStart: ColdStartResult,
): LatestResults {
  return {
    package: { mainBytes: pkg.mainBytes, totalBytes: pkg.totalBytes, subpackages: pkg.subpackages },
    pages: pages.map(({ path, initialSetDataBytes, setDataCalls, wxmlNodes }) => ({
      path,
      initialSetDataBytes,
      setDataCalls,
      wxmlNodes,
    })),
    functions: {
      newsList: functions.newsList,
      enquirySubmit: functions.enquirySubmit,
      coldStart: { baselineMs: coldStart.baselineMs, perFunction: coldStart.perFunction },
    },
  };
}

const NONE = '—';
const PASS = '✅';
const FAIL = '❌';

function kb(bytes: number | undefined): string {
  return bytes === undefined ? NONE : `${(bytes / KB).toFixed(1)} KB`;
}

/** A budget: whole kilobytes. */
function kbLimit(bytes: number): string {
  return `${Math.round(bytes / KB)} KB`;
}

function ms(value: number | undefined): string {
  return value === undefined ? NONE : `${value.toFixed(1)} ms`;
}

function count(value: number | undefined): string {
  return value === undefined ? NONE : String(value);
}

function verdict(ok: boolean): string {
  return ok ? PASS : FAIL;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export interface ReportInput {
  latest: LatestResults;
  baseline: LatestResults | undefined;
  pkg: PackageReport;
  functions: FunctionBenchResult;
  coldStart: ColdStartResult;
  firstScreen: FirstScreen;
  /** Absent when the run measured no local database (the report's unit tests). */
  localDb?: LocalDbResult['details'];
}

/** The tables (package, pages, functions, cold start) as Markdown. */
export function renderTables({
  latest,
  baseline,
  pkg,
  functions,
  coldStart,
  firstScreen,
  localDb,
}: ReportInput): string {
  const packageRows: string[][] = [
    [
      '主包',
      kb(baseline?.package.mainBytes),
      kb(latest.package.mainBytes),
      `≤ ${kbLimit(MAIN_PACKAGE_MAX_BYTES)}`,
      verdict(latest.package.mainBytes <= MAIN_PACKAGE_MAX_BYTES),
    ],
    ...Object.entries(latest.package.subpackages).map(([name, bytes]) => [
      `分包 ${name}`,
      kb(baseline?.package.subpackages[name]),
      kb(bytes),
      `≤ ${kbLimit(SUBPACKAGE_MAX_BYTES)}`,
      verdict(bytes <= SUBPACKAGE_MAX_BYTES),
    ]),
    ['合计', kb(baseline?.package.totalBytes), kb(latest.package.totalBytes), NONE, NONE],
    ['参考：TDesign 全量引入', NONE, kb(pkg.tdesignFullBytes), NONE, NONE],
  ];

  const baselinePage = (path: string) => baseline?.pages.find((page) => page.path === path);
  const pageRows = latest.pages.map((page) => {
    const before = baselinePage(page.path);
    return [
      `\`${page.path}\``,
      `${kb(before?.initialSetDataBytes)} / ${count(before?.setDataCalls)} / ${count(before?.wxmlNodes)}`,
      kb(page.initialSetDataBytes),
      String(page.setDataCalls),
      String(page.wxmlNodes),
      verdict(page.initialSetDataBytes <= FIRST_SET_DATA_MAX_BYTES && page.wxmlNodes < WXML_NODES_LIMIT),
    ];
  });

  const { newsList, enquirySubmit } = latest.functions;
  const detail = functions.details.newsList;
  const deepLimit = newsList.firstPageP95Ms * DEEP_PAGE_MAX_RATIO;
  const timing = (summary: Summary) => `${ms(summary.p50Ms)} / ${ms(summary.p95Ms)}`;
  const functionRows: string[][] = [
    [
      'news.list 首页（云函数）',
      ms(baseline?.functions.newsList.firstPageP95Ms),
      timing(detail.functionFirstPage),
      NONE,
      NONE,
    ],
    [
      'news.list 第 200 页（云函数，游标）',
      ms(baseline?.functions.newsList.deepPageP95Ms),
      timing(detail.functionDeepPage),
      `p95 ≤ ${DEEP_PAGE_MAX_RATIO} × 首页 = ${ms(deepLimit)}`,
      verdict(newsList.deepPageP95Ms <= deepLimit),
    ],
    [
      '第 200 页 skip 基线（云函数，同一查询用 skip 翻页）',
      ms(baseline?.functions.newsList.skipBaselineDeepPageP95Ms),
      timing(detail.functionSkipDeepPage),
      NONE,
      NONE,
    ],
    ['第 200 页 skip（SDK 直连）', NONE, timing(detail.sdkSkipDeepPage), NONE, NONE],
    ['第 200 页 游标（SDK 直连）', NONE, timing(detail.sdkCursorDeepPage), NONE, NONE],
    ['首页（SDK 直连）', NONE, timing(detail.sdkFirstPage), NONE, NONE],
    [
      'enquiry.submit 逐个提交',
      ms(baseline?.functions.enquirySubmit.p95Ms),
      `${ms(enquirySubmit.p50Ms)} / ${ms(enquirySubmit.p95Ms)}`,
      `p95 ≤ ${ms(ENQUIRY_SUBMIT_P95_MAX_MS)}`,
      verdict(enquirySubmit.p95Ms <= ENQUIRY_SUBMIT_P95_MAX_MS),
    ],
    [
      `enquiry.submit ${enquirySubmit.concurrent} 并发：丢失 / 重复`,
      baseline
        ? `${baseline.functions.enquirySubmit.lost} / ${baseline.functions.enquirySubmit.duplicates}`
        : NONE,
      `${enquirySubmit.lost} / ${enquirySubmit.duplicates}`,
      `${ENQUIRIES_LOST_MAX} / ${ENQUIRY_DUPLICATES_MAX}`,
      verdict(enquirySubmit.lost <= ENQUIRIES_LOST_MAX && enquirySubmit.duplicates <= ENQUIRY_DUPLICATES_MAX),
    ],
  ];
  const cold = latest.functions.coldStart;
  const coldBefore = baseline?.functions.coldStart;
  const ratio = (value: number) => `${value.toFixed(2)} ×`;
  const coldRows: string[][] = [
    [
      `${BASELINE_NAME}（基线）`,
      coldBefore ? ms(coldBefore.baselineMs) : NONE,
      kb(coldStart.details.baseline.bundleBytes),
      `${ms(cold.baselineMs)}（1.00 ×）`,
      ms(coldStart.cpu.baselineMs),
      ratio(1),
      NONE,
      NONE,
    ],
    ...Object.entries(cold.perFunction).map(([name, figures]) => {
      const before = coldBefore?.perFunction[name];
      const cpu = coldStart.cpu.perFunction[name];
      return [
        `\`${name}\``,
        before ? `${kb(before.bundleBytes)} / ${ms(before.requireMs)}` : NONE,
        kb(figures.bundleBytes),
        `${ms(figures.requireMs)}（${ratio(figures.requireMs / cold.baselineMs)}）`,
        ms(cpu?.cpuMs),
        cpu ? ratio(cpu.cpuRatio) : NONE,
        `≤ ${kbLimit(FUNCTION_BUNDLE_MAX_BYTES)}，CPU ≤ ${COLD_START_MAX_RATIO} ×`,
        verdict(
          figures.bundleBytes <= FUNCTION_BUNDLE_MAX_BYTES &&
            cpu !== undefined &&
            cpu.cpuRatio <= COLD_START_MAX_RATIO,
        ),
      ];
    }),
  ];
  const { concurrent, withinWarmPool } = functions.details.enquirySubmit;
  const { load } = functions.details;
  const busy = Math.max(load.before, load.after) > load.cpus;
  const answersOf = (outcome: typeof concurrent) =>
    Object.entries(outcome.answers)
      .map(([kind, n]) => `${kind} ${n}`)
      .join('，');

  return [
    '**包体积**（上传时过滤无依赖文件后的字节数）',
    '',
    table(['包', '基线', '本次', '预算', '结果'], packageRows),
    '',
    `**页面**（真实数据渲染；首屏 setData = 内容出现前送往渲染层的 JSON 字节；预算 ≤ ${kbLimit(FIRST_SET_DATA_MAX_BYTES)}、< ${WXML_NODES_LIMIT} 个节点）`,
    '',
    table(
      ['页面', '基线（首屏 / 次数 / 节点）', '首屏 setData', 'setData 次数', 'WXML 节点', '结果'],
      pageRows,
    ),
    '',
    `**云函数**（本地云，${newsList.docs} 条新闻；每项预热后测 ${detail.functionFirstPage.samples} 次，分 ${TRIALS} 组交替进行，p50 / p95 取各组的中位数）`,
    '',
    table(['操作', '基线 p95', '本次 p50 / p95', '预算', '结果'], functionRows),
    '',
    `- 计时期间系统负载（1 分钟平均）${load.before} → ${load.after}，CPU ${load.cpus} 核${busy ? '：机器繁忙，耗时偏高' : ''}。`,
    `- ${concurrent.calls} 并发（${CONCURRENT_CALLERS} 个 requestId 各发 ${SENDS_PER_REQUEST} 次，同时发出）应答：${answersOf(concurrent)}；` +
      `共 ${ms(concurrent.wallMs)}，单次 p50 / p95 ${timing(concurrent.latency)}。`,
    `- 同样的 ${withinWarmPool.calls} 次调用，最多 ${WARM_INSTANCES} 个同时进行（本地云每个函数保温的实例数）：` +
      `丢失 ${withinWarmPool.lost} / 重复 ${withinWarmPool.duplicates}，应答：${answersOf(withinWarmPool)}。`,
    '',
    `**云函数冷启动**（部署包单独放入空目录，新 Node 进程 \`require\` 的耗时；${coldStart.details.runs} 轮交替取中位数，基线为只含 \`@cloudbase/node-sdk\` 与一次 \`tcb.init\` 的同参数打包。` +
      '预算按 CPU 时间：每轮函数与基线之比的中位数；机器繁忙时墙钟时间多半是在等 CPU，同一包的倍数几分钟内可在 0.9–1.4 × 之间摆动）',
    '',
    table(
      [
        '函数',
        '基线（体积 / 耗时）',
        '体积',
        'require 墙钟（倍数）',
        'require CPU',
        'CPU 倍数',
        '预算',
        '结果',
      ],
      coldRows,
    ),
    '',
    `**首屏**（\`${firstScreen.page}\` 在模拟器中对本地云打开，从页面创建到内容 setData 的耗时；冷 = \`content\` 实例刚被替换，热 = 已有实例；各 ${firstScreen.runs} 次交替，取中位数）`,
    '',
    table(
      ['页面', '冷实例', '热实例', '冷启动多花'],
      [
        [
          `\`${firstScreen.page}\``,
          ms(firstScreen.coldMs),
          ms(firstScreen.warmMs),
          ms(firstScreen.coldMs - firstScreen.warmMs),
        ],
      ],
    ),
    ...(localDb ? ['', ...localDbTable(localDb)] : []),
  ].join('\n');
}

/** The local cloud's own database: a query an index serves beside the same query on unindexed twins. */
function localDbTable(localDb: LocalDbResult['details']): string[] {
  const { indexed, unindexed } = localDb;
  const speedup = unindexed.overall.p95Ms / indexed.overall.p95Ms;
  const depths = (summary: typeof indexed) =>
    localDb.pageDepths.map((depth) => ms(summary.byDepth[`page${depth}`]?.p95Ms)).join(' / ');
  return [
    `**本地云数据库**（${localDb.docs} 条文档，真实 SDK 查询：一个等值加一个范围条件、按范围字段排序、每页 ${localDb.pageSize} 条，按游标翻到第 ${localDb.pageDepths.join('、')} 页；CPU 为本进程每次查询的 CPU 时间中位数，SDK 与本地云都在其中）`,
    '',
    table(
      ['查询', 'p50 / p95', '各深度 p95', 'CPU p50', '预算', '结果'],
      [
        [
          '有索引（清单中声明）',
          `${ms(indexed.overall.p50Ms)} / ${ms(indexed.overall.p95Ms)}`,
          depths(indexed),
          ms(indexed.cpu.p50Ms),
          `p95 快 ≥ ${LOCAL_DB_MIN_SPEEDUP} ×（本次 ${speedup.toFixed(1)} ×）`,
          verdict(speedup >= LOCAL_DB_MIN_SPEEDUP),
        ],
        [
          '无索引（全表扫描）',
          `${ms(unindexed.overall.p50Ms)} / ${ms(unindexed.overall.p95Ms)}`,
          depths(unindexed),
          ms(unindexed.cpu.p50Ms),
          NONE,
          NONE,
        ],
      ],
    ),
  ];
}
