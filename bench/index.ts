/**
 * `npm run bench`: package size, page figures, function timings and cold starts, printed as tables beside the
 * baseline (bench/baseline.json) and the budgets (bench/budgets.ts), and written to
 * `bench/results/latest.json` (keys fixed by CONTRACTS.md), `details.json` (everything measured)
 * and `latest.md` (the tables, as pasted into the README). Exits non-zero when a page fails to
 * render or a budget is broken.
 *
 *   tsx bench/index.ts [--rounds N] [--warmup N] [--save-baseline]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { build } from '../tools/build';
import {
  describeViolation,
  localDbViolations,
  functionViolations,
  packageViolations,
  pageViolations,
  type Violation,
} from './budgets';
import { measureColdStart, type ColdStartResult } from './cold-start';
import { benchFunctions, type FunctionBenchResult } from './functions';
import { largestGroups, measurePackages, type PackageReport } from './package-size';
import type { FirstScreen, PageMeasurement } from './pages';
import { latestResults, renderTables, type LatestResults } from './report';

const ROOT = path.resolve(__dirname, '..');
const RESULTS_DIR = path.join(__dirname, 'results');
const BASELINE = path.join(__dirname, 'baseline.json');
const PAGES_JEST_CONFIG = path.join(__dirname, 'jest.config.cjs');
/** Samples per timed operation (bench/functions.ts splits them into trials). */
const DEFAULT_ROUNDS = 200;
const DEFAULT_WARMUP = 10;
const LARGEST_GROUPS = 8;

interface Options {
  rounds: number;
  warmup: number;
  saveBaseline: boolean;
}

class UsageError extends Error {}

function parseArgs(args: string[]): Options {
  const options: Options = { rounds: DEFAULT_ROUNDS, warmup: DEFAULT_WARMUP, saveBaseline: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--save-baseline') options.saveBaseline = true;
    else if (arg === '--rounds' || arg === '--warmup') {
      const value = Number(args[(i += 1)]);
      if (!Number.isInteger(value) || value < (arg === '--rounds' ? 1 : 0)) {
        throw new UsageError(`${arg} needs a whole number`);
      }
      options[arg === '--rounds' ? 'rounds' : 'warmup'] = value;
    } else {
      throw new UsageError(`unknown option ${arg}; accepted: --rounds N, --warmup N, --save-baseline`);
    }
  }
  return options;
}

/** Runs bench/pages.bench.ts through jest (the harness needs jest) and reads what it wrote. */
async function measurePages(): Promise<{ pages: PageMeasurement[]; firstScreen: FirstScreen }> {
  const out = path.join(os.tmpdir(), `bench-pages-${process.pid}.json`);
  fs.rmSync(out, { force: true });
  process.env.BENCH_PAGES_OUT = out;
  const { runCLI } = await import('jest');
  const { results } = await runCLI(
    { _: [], $0: 'bench', config: PAGES_JEST_CONFIG, runInBand: true, ci: true },
    [ROOT],
  );
  try {
    if (!results.success || results.numTotalTests === 0) {
      const failed = results.testResults
        .flatMap((file) => [
          ...(file.testExecError ? [file.testExecError.message] : []),
          ...file.testResults
            .filter((test) => test.status === 'failed')
            .map((test) => `${test.title}: ${test.failureMessages.join('\n').split('\n')[0]}`),
        ])
        .join('\n  ');
      throw new Error(`page measurement failed:\n  ${failed || 'no page was measured'}`);
    }
    return JSON.parse(fs.readFileSync(out, 'utf8')) as { pages: PageMeasurement[]; firstScreen: FirstScreen };
  } finally {
    fs.rmSync(out, { force: true });
  }
}

/**
 * Runs `work` with everything written to stdout/stderr (function instances log there, loudly under
 * load) going to `logFile`; `say` still reaches the terminal.
 */
async function withOutputIn<T>(
  logFile: string,
  work: (say: (line: string) => void) => Promise<T>,
): Promise<T> {
  const log = fs.openSync(logFile, 'w');
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  const toLog = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    fs.writeSync(log, typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = toLog;
  process.stderr.write = toLog;
  try {
    return await work((line) => stdoutWrite(`${line}\n`));
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    fs.closeSync(log);
  }
}

function readBaseline(): LatestResults | undefined {
  return fs.existsSync(BASELINE)
    ? (JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as LatestResults)
    : undefined;
}

/** Committed, so written as the repository's Prettier settings would have it. */
async function saveBaseline(latest: LatestResults): Promise<void> {
  const settings = (await resolveConfig(BASELINE)) ?? {};
  fs.writeFileSync(BASELINE, await format(JSON.stringify(latest, null, 2), { ...settings, parser: 'json' }));
}

function details(
  pkg: PackageReport,
  pages: PageMeasurement[],
  firstScreen: FirstScreen,
  functions: FunctionBenchResult,
  coldStart: ColdStartResult,
  options: Options,
) {
  return {
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg() },
    options,
    package: {
      tdesignFullBytes: pkg.tdesignFullBytes,
      largestInMain: largestGroups(pkg.files, 'main', LARGEST_GROUPS),
      unresolved: pkg.unresolved,
      crossPackage: pkg.crossPackage,
      files: pkg.files,
    },
    pages,
    firstScreen,
    functions: { ...functions.details, coldStart: { ...coldStart.details, cpu: coldStart.cpu } },
  };
}

async function main(options: Options): Promise<number> {
  const started = Date.now();
  await build({ quiet: true });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });

  // First, while no local cloud of the bench's own is running beside the fresh processes.
  const coldStart = await measureColdStart({ log: (line) => console.log(`bench: ${line}`) });
  console.log('bench: package size');
  const pkg = await measurePackages();
  console.log('bench: pages (jest)');
  const { pages, firstScreen } = await measurePages();
  const functions = await withOutputIn(path.join(RESULTS_DIR, 'functions.log'), (say) =>
    benchFunctions({ rounds: options.rounds, warmup: options.warmup, log: (line) => say(`bench: ${line}`) }),
  );

  // CONTRACTS.md `localDb` (per-depth figures and memory: `tsx bench/local-db.ts`).
  const { benchLocalDb } = await import('./local-db');
  const localDb = await benchLocalDb({ log: (line) => console.log(`bench: ${line}`) });
  const { samples: _samples, ...firstScreenFigures } = firstScreen;
  const latest = {
    ...latestResults(pkg, pages, functions, coldStart),
    firstScreen: firstScreenFigures,
    localDb: localDb.latest,
  };
  const baseline = readBaseline();
  const tables = renderTables({
    latest,
    baseline,
    pkg,
    functions,
    coldStart,
    firstScreen,
    localDb: localDb.details,
  });
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(latest, null, 2)}\n`);
  fs.writeFileSync(
    path.join(RESULTS_DIR, 'details.json'),
    `${JSON.stringify({ ...details(pkg, pages, firstScreen, functions, coldStart, options), localDb: localDb.details }, null, 2)}\n`,
  );
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.md'), `${tables}\n`);
  if (options.saveBaseline) await saveBaseline(latest);

  console.log(`\n${tables}\n`);
  console.log(
    `主包最大的部分：${largestGroups(pkg.files, 'main', LARGEST_GROUPS)
      .map((g) => `${g.group} ${(g.bytes / 1024).toFixed(1)} KB`)
      .join('，')}`,
  );
  for (const problem of [...pkg.unresolved, ...pkg.crossPackage]) console.warn(`bench: package: ${problem}`);

  const violations: Violation[] = [
    ...packageViolations(latest.package),
    ...pageViolations(latest.pages),
    ...functionViolations(latest.functions, coldStart.cpu),
    ...localDbViolations(latest.localDb),
  ];
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`bench: results in ${path.relative(ROOT, RESULTS_DIR)}/ (${seconds} s)`);
  if (violations.length === 0) {
    console.log('bench: every budget holds');
    return 0;
  }
  console.error(`bench: ${violations.length} budget(s) broken:`);
  for (const violation of violations) console.error(`  - ${describeViolation(violation)}`);
  return 1;
}

async function cli(args: string[]): Promise<void> {
  try {
    process.exitCode = await main(parseArgs(args));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`bench: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

if (require.main === module) void cli(process.argv.slice(2));
