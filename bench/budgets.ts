/**
 * The performance budgets, in one place: `npm run bench` checks all of them, `npm test` the package
 * and page ones (test/bench/budgets.test.ts, test/miniprogram/budgets.test.ts). KB = 1024 bytes, as
 * WeChat counts its 2 MB package limit.
 */

export const KB = 1024;

/** Main package, as an upload with unused-file filtering ships it. */
export const MAIN_PACKAGE_MAX_BYTES = 600 * KB;
/** Each subpackage. */
export const SUBPACKAGE_MAX_BYTES = 500 * KB;
/** What a page sends to the render layer until its content shows. */
export const FIRST_SET_DATA_MAX_BYTES = 32 * KB;
/** WXML nodes of a page with its content shown: fewer than this. */
export const WXML_NODES_LIMIT = 600;
/** A deep page of a cursor-paginated list may cost at most this many times the first page (p95). */
export const DEEP_PAGE_MAX_RATIO = 1.5;
/** `enquiry.submit`, one at a time. */
export const ENQUIRY_SUBMIT_P95_MAX_MS = 30;
/** Under concurrent retries: enquiries lost and stored twice. */
export const ENQUIRIES_LOST_MAX = 0;
export const ENQUIRY_DUPLICATES_MAX = 0;
/**
 * A function's fresh-process `require` at most this many times the SDK alone (same run, same
 * options), in CPU time: the median over rounds of each round's ratio (bench/cold-start.ts says why
 * CPU time).
 */
export const COLD_START_MAX_RATIO = 1.2;
/** The local cloud at 100,000 documents: a query an index serves, at least this many times faster (p95) than a scan. */
export const LOCAL_DB_MIN_SPEEDUP = 10;
/** Each deployable function bundle (`cloudfunctions/<name>/index.js`). */
export const FUNCTION_BUNDLE_MAX_BYTES = 1.5 * KB * KB;

export interface PackageFigures {
  mainBytes: number;
  subpackages: Record<string, number>;
}

export interface PageFigures {
  path: string;
  initialSetDataBytes: number;
  setDataCalls: number;
  wxmlNodes: number;
}

export interface ColdStartFigures {
  baselineMs: number;
  perFunction: Record<string, { bundleBytes: number; requireMs: number }>;
}

/** The CPU time of the same loads, and each function's ratio to the baseline's. */
export interface ColdStartCpuFigures {
  baselineMs: number;
  perFunction: Record<string, { cpuMs: number; cpuRatio: number }>;
}

export interface FunctionFigures {
  newsList: { firstPageP95Ms: number; deepPageP95Ms: number };
  enquirySubmit: { p95Ms: number; lost: number; duplicates: number };
  coldStart: ColdStartFigures;
}

/** One broken budget, worded for a failing test or the bench's summary. */
export interface Violation {
  what: string;
  actual: string;
  budget: string;
}

export function packageViolations(figures: PackageFigures): Violation[] {
  const violations: Violation[] = [];
  if (figures.mainBytes > MAIN_PACKAGE_MAX_BYTES) {
    violations.push({
      what: 'main package',
      actual: kb(figures.mainBytes),
      budget: `≤ ${kb(MAIN_PACKAGE_MAX_BYTES)}`,
    });
  }
  for (const [name, bytes] of Object.entries(figures.subpackages)) {
    if (bytes > SUBPACKAGE_MAX_BYTES) {
      violations.push({
        what: `subpackage ${name}`,
        actual: kb(bytes),
        budget: `≤ ${kb(SUBPACKAGE_MAX_BYTES)}`,
      });
    }
  }
  return violations;
}

export function pageViolations(pages: PageFigures[]): Violation[] {
  return pages.flatMap((page) => {
    const violations: Violation[] = [];
    if (page.initialSetDataBytes > FIRST_SET_DATA_MAX_BYTES) {
      violations.push({
        what: `${page.path} first setData`,
        actual: kb(page.initialSetDataBytes),
        budget: `≤ ${kb(FIRST_SET_DATA_MAX_BYTES)}`,
      });
    }
    if (page.wxmlNodes >= WXML_NODES_LIMIT) {
      violations.push({
        what: `${page.path} WXML nodes`,
        actual: String(page.wxmlNodes),
        budget: `< ${WXML_NODES_LIMIT}`,
      });
    }
    return violations;
  });
}

export function functionViolations(figures: FunctionFigures, coldStartCpu: ColdStartCpuFigures): Violation[] {
  const violations: Violation[] = [];
  const { newsList, enquirySubmit } = figures;
  const deepLimit = newsList.firstPageP95Ms * DEEP_PAGE_MAX_RATIO;
  if (newsList.deepPageP95Ms > deepLimit) {
    violations.push({
      what: 'news.list page 200 p95',
      actual: ms(newsList.deepPageP95Ms),
      budget: `≤ ${DEEP_PAGE_MAX_RATIO} × first page p95 = ${ms(deepLimit)}`,
    });
  }
  if (enquirySubmit.p95Ms > ENQUIRY_SUBMIT_P95_MAX_MS) {
    violations.push({
      what: 'enquiry.submit p95',
      actual: ms(enquirySubmit.p95Ms),
      budget: `≤ ${ms(ENQUIRY_SUBMIT_P95_MAX_MS)}`,
    });
  }
  if (enquirySubmit.lost > ENQUIRIES_LOST_MAX) {
    violations.push({
      what: 'enquiries lost',
      actual: String(enquirySubmit.lost),
      budget: `${ENQUIRIES_LOST_MAX}`,
    });
  }
  if (enquirySubmit.duplicates > ENQUIRY_DUPLICATES_MAX) {
    violations.push({
      what: 'enquiries stored twice',
      actual: String(enquirySubmit.duplicates),
      budget: `${ENQUIRY_DUPLICATES_MAX}`,
    });
  }
  return [...violations, ...bundleViolations(figures.coldStart), ...coldStartViolations(coldStartCpu)];
}

/** Bundles over `FUNCTION_BUNDLE_MAX_BYTES`. */
export function bundleViolations(coldStart: {
  perFunction: Record<string, { bundleBytes: number }>;
}): Violation[] {
  return Object.entries(coldStart.perFunction)
    .filter(([, figures]) => figures.bundleBytes > FUNCTION_BUNDLE_MAX_BYTES)
    .map(([name, figures]) => ({
      what: `${name} bundle`,
      actual: kb(figures.bundleBytes),
      budget: `≤ ${kb(FUNCTION_BUNDLE_MAX_BYTES)}`,
    }));
}

/** Functions whose `require` costs more than `COLD_START_MAX_RATIO` × the SDK alone, in CPU time. */
export function coldStartViolations(cpu: ColdStartCpuFigures): Violation[] {
  return Object.entries(cpu.perFunction)
    .filter(([, figures]) => figures.cpuRatio > COLD_START_MAX_RATIO)
    .map(([name, figures]) => ({
      what: `${name} require (CPU time)`,
      actual: `${figures.cpuRatio.toFixed(2)} × (${ms(figures.cpuMs)})`,
      budget: `≤ ${COLD_START_MAX_RATIO} × SDK alone (${ms(cpu.baselineMs)})`,
    }));
}

/** An indexed query of the local cloud's database that is not `LOCAL_DB_MIN_SPEEDUP` × faster than a scan. */
export function localDbViolations(figures: {
  docs: number;
  indexedQueryP95Ms: number;
  unindexedScanP95Ms: number;
}): Violation[] {
  const speedup = figures.unindexedScanP95Ms / figures.indexedQueryP95Ms;
  return speedup >= LOCAL_DB_MIN_SPEEDUP
    ? []
    : [
        {
          what: `localDb indexed query p95 at ${figures.docs} documents`,
          actual: `${ms(figures.indexedQueryP95Ms)}, ${speedup.toFixed(1)} × faster than the scan (${ms(figures.unindexedScanP95Ms)})`,
          budget: `≥ ${LOCAL_DB_MIN_SPEEDUP} × faster`,
        },
      ];
}

export function describeViolation(violation: Violation): string {
  return `${violation.what}: ${violation.actual} (budget ${violation.budget})`;
}

export function kb(bytes: number): string {
  return Number.isInteger(bytes / KB) ? `${bytes / KB} KB` : `${(bytes / KB).toFixed(1)} KB`;
}

export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
