/**
 * `functions.coldStart` of `npm run bench`: what a fresh function instance pays to load its code.
 *
 * For every deployable bundle (`cloudfunctions/<name>/index.js` as built), its bytes and the median
 * time a fresh Node process takes to `require` it, beside the baseline: `@cloudbase/node-sdk` alone
 * with one `tcb.init` (bench/sdk-alone.ts), bundled with exactly the functions' options
 * (tools/build/functions.ts `bundleOptions`) and timed in the same run. Each bundle is copied into
 * a folder of its own first, as deployed (with the `lazy.*.js` parts it requires on first use, which
 * a load does not touch), so nothing resolves from the repository's node_modules. Runs are
 * alternated (each round loads every bundle once, in shuffled order, after one unmeasured round),
 * so load from elsewhere on the machine falls on all of them alike.
 *
 * Each load also reports the CPU time its process spent in the `require` (all threads). On a busy
 * machine a load's wall time is mostly waiting for a core (the same bundle's medians were seen
 * 0.9–1.4 × the baseline within minutes at a load average of 15 on 2 cores), while its CPU time
 * stays what the load costs; the budget's ratio is therefore the median, over the rounds, of each
 * round's CPU time of the function over the baseline's (`cpuRatio`). Wall times stay the figures
 * of `latest.json`.
 *
 * The esbuild metafile of each bundle gives its weight by package, kept in details.json.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build as esbuild, type Metafile } from 'esbuild';
import { bundleOptions, lazyChunks, listFunctions } from '../tools/build/functions';
import { ROOT } from '../tools/build/paths';
import { percentile, round, shuffled } from './stats';

const run = promisify(execFile);

/** Fresh-process loads of each bundle, measured (at least 9, as CONTRACTS.md asks). */
export const COLD_START_RUNS = 21;
const BASELINE_ENTRY = path.join(__dirname, 'sdk-alone.ts');
export const BASELINE_NAME = 'SDK 单独';
/** Packages listed per bundle in details.json, the heaviest first. */
const TOP_PACKAGES = 12;
const PROJECT = '(project)';

/**
 * Run in the fresh process: the wall and CPU time `require` of the bundle takes, written before
 * exiting (an instance would stay up; the measurement ends with the load).
 */
const LOADER = [
  "const { performance } = require('node:perf_hooks');",
  'const cpu = process.cpuUsage();',
  'const started = performance.now();',
  'require(process.argv[1]);',
  'const wall = performance.now() - started;',
  'const { user, system } = process.cpuUsage(cpu);',
  "require('node:fs').writeSync(1, JSON.stringify({ wall, cpu: (user + system) / 1000 }));",
  'process.exit(0);',
].join('\n');

export interface PackageWeight {
  /** An npm package, or `(project)` folder for the repository's own code. */
  name: string;
  bytes: number;
}

export interface ColdStartResult {
  baselineMs: number;
  perFunction: Record<string, { bundleBytes: number; requireMs: number }>;
  /** CPU time of the same loads: medians, and each function's ratio the budget judges. */
  cpu: {
    baselineMs: number;
    perFunction: Record<string, { cpuMs: number; cpuRatio: number }>;
  };
  details: {
    runs: number;
    node: string;
    baseline: { bundleBytes: number; samplesMs: number[]; cpuSamplesMs: number[] };
    functions: Record<
      string,
      {
        samplesMs: number[];
        cpuSamplesMs: number[];
        packages: PackageWeight[];
        lazyChunks: Record<string, number>;
      }
    >;
  };
}

/** One load's wall and CPU time, in milliseconds. */
export interface Load {
  wall: number;
  cpu: number;
}

/**
 * The median, over the rounds, of each round's CPU time of a function's load over the baseline's
 * in the same round: load from elsewhere that varies over the run falls on both sides of a ratio.
 */
export function pairedCpuRatio(loads: readonly Load[], baseline: readonly Load[]): number {
  if (loads.length === 0 || loads.length !== baseline.length) {
    throw new Error(`${loads.length} loads to pair with ${baseline.length} of the baseline`);
  }
  return round(
    percentile(
      loads.map((sample, i) => sample.cpu / (baseline[i] as Load).cpu),
      50,
    ),
  );
}

interface Loadable {
  name: string;
  file: string;
  bundleBytes: number;
}

export async function measureColdStart(options: {
  runs?: number;
  log(line: string): void;
}): Promise<ColdStartResult> {
  const runs = options.runs ?? COLD_START_RUNS;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cold-start-'));
  try {
    const baseline = await bundleBaseline(scratch);
    const functions = listFunctions().map((fn) => {
      const dir = path.join(scratch, fn.name);
      fs.mkdirSync(dir);
      const file = path.join(dir, 'index.js');
      fs.copyFileSync(fn.outfile, file);
      const chunks = Object.fromEntries(
        lazyChunks(fn.dir).map((chunk) => {
          fs.copyFileSync(path.join(fn.dir, chunk), path.join(dir, chunk));
          return [chunk, fs.statSync(path.join(dir, chunk)).size];
        }),
      );
      return { name: fn.name, file, bundleBytes: fs.statSync(fn.outfile).size, chunks };
    });
    const packages = Object.fromEntries(
      await Promise.all(
        listFunctions().map(async (fn) => [fn.name, await packageWeights(fn.entry, scratch)] as const),
      ),
    );

    const all: Loadable[] = [baseline, ...functions];
    // Indexed by round, so a function's load pairs with the baseline's of the same round.
    const loads = new Map<string, Load[]>(all.map((bundle) => [bundle.name, []]));
    options.log(`cold start: ${all.length} bundles × ${runs} fresh processes, alternated`);
    for (const bundle of all) await load(bundle.file);
    for (let round = 0; round < runs; round += 1) {
      for (const bundle of shuffled(all)) loads.get(bundle.name)?.push(await load(bundle.file));
    }
    const of = (name: string) => loads.get(name) ?? [];
    const wallOf = (name: string) => of(name).map((sample) => sample.wall);
    const cpuOf = (name: string) => of(name).map((sample) => sample.cpu);
    const median = (values: number[]) => round(percentile(values, 50));
    return {
      baselineMs: median(wallOf(BASELINE_NAME)),
      perFunction: Object.fromEntries(
        functions.map((fn) => [fn.name, { bundleBytes: fn.bundleBytes, requireMs: median(wallOf(fn.name)) }]),
      ),
      cpu: {
        baselineMs: median(cpuOf(BASELINE_NAME)),
        perFunction: Object.fromEntries(
          functions.map((fn) => [
            fn.name,
            { cpuMs: median(cpuOf(fn.name)), cpuRatio: pairedCpuRatio(of(fn.name), of(BASELINE_NAME)) },
          ]),
        ),
      },
      details: {
        runs,
        node: process.version,
        baseline: {
          bundleBytes: baseline.bundleBytes,
          samplesMs: wallOf(BASELINE_NAME),
          cpuSamplesMs: cpuOf(BASELINE_NAME),
        },
        functions: Object.fromEntries(
          functions.map((fn) => [
            fn.name,
            {
              samplesMs: wallOf(fn.name),
              cpuSamplesMs: cpuOf(fn.name),
              packages: packages[fn.name] ?? [],
              // Deployed beside index.js, loaded only by the actions that use them: not on the cold path.
              lazyChunks: fn.chunks,
            },
          ]),
        ),
      },
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The SDK-alone bundle, built with the functions' options into `scratch`. */
async function bundleBaseline(scratch: string): Promise<Loadable> {
  const dir = path.join(scratch, 'sdk-alone');
  fs.mkdirSync(dir);
  const file = path.join(dir, 'index.js');
  const result = await esbuild(bundleOptions(BASELINE_ENTRY, file));
  for (const output of result.outputFiles ?? []) fs.writeFileSync(output.path, output.contents);
  return { name: BASELINE_NAME, file, bundleBytes: fs.statSync(file).size };
}

/** The function's bundle, as built, by package: the heaviest first. */
async function packageWeights(entry: string, scratch: string): Promise<PackageWeight[]> {
  const outfile = path.join(
    scratch,
    'metafile',
    path.basename(path.dirname(path.dirname(entry))),
    'index.js',
  );
  const { metafile } = await esbuild(bundleOptions(entry, outfile));
  return weighByPackage(metafile as Metafile, outfile);
}

/** Bytes each package (or project folder) contributes to `outfile`, the heaviest `TOP_PACKAGES`. */
export function weighByPackage(metafile: Metafile, outfile: string): PackageWeight[] {
  const output = metafile.outputs[path.relative(ROOT, outfile).split(path.sep).join('/')];
  if (!output) throw new Error(`the metafile has no output ${outfile}`);
  const weights = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = packageOf(input);
    weights.set(name, (weights.get(name) ?? 0) + bytesInOutput);
  }
  return [...weights.entries()]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, TOP_PACKAGES);
}

/** `node_modules/@scope/name/…` → `@scope/name`; the project's own files by their top folders. */
export function packageOf(input: string): string {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return `${PROJECT} ${parts.slice(0, parts[0] === 'cloudfunctions' ? 2 : 1).join('/')}`;
  const first = parts[at + 1] ?? '';
  return first.startsWith('@') ? `${first}/${parts[at + 2] ?? ''}` : first;
}

async function load(file: string): Promise<Load> {
  const { stdout } = await run(process.execPath, ['-e', LOADER, file], {
    cwd: path.dirname(file),
    // The SDK would probe cloud metadata hosts otherwise (KNOWHOW.md); functions run with it set.
    env: { ...process.env, TENCENTCLOUD: 'true', SILENCE: 'true' },
  });
  let sample: Partial<Load> = {};
  try {
    sample = JSON.parse(stdout) as Partial<Load>;
  } catch {
    // Reported below with what was printed.
  }
  const { wall, cpu } = sample;
  if (typeof wall !== 'number' || typeof cpu !== 'number' || !(wall > 0) || !(cpu > 0)) {
    throw new Error(`loading ${file} printed ${JSON.stringify(stdout)}`);
  }
  return { wall, cpu };
}
