/**
 * `npm run build`: everything the mini program and the cloud functions need before they run,
 * rebuilt only when its inputs changed. Usable in-process through `build()`.
 *
 *   tsx tools/build/index.ts [--quiet] [--force]
 */
import { syncContract } from './contract';
import { buildFunctions } from './functions';
import { buildNpm } from './npm';
import { BuildError } from './types';

export interface BuildOptions {
  /** Print only work done and errors. */
  quiet?: boolean;
  /** Rebuild every target even if its inputs are unchanged. */
  force?: boolean;
}

export interface BuildReport {
  /** Targets rebuilt by this run, e.g. `npm`, `cloudfunctions/ping`. */
  built: string[];
  /** Targets whose inputs had not changed. */
  upToDate: string[];
}

const MS_PER_SECOND = 1000;

export async function build({ quiet = false, force = false }: BuildOptions = {}): Promise<BuildReport> {
  const started = Date.now();
  const contract = syncContract();
  if (contract.length > 0 && !quiet)
    console.log(`build: contract → miniprogram/contract (${contract.length} files)`);
  // Settled, not raced: a failure elsewhere must not abandon a pack half-way through its staging.
  const settled = await Promise.allSettled([buildNpm(force).then((npm) => [npm]), buildFunctions(force)]);
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  const results = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));

  const built = results.filter((result) => result.built);
  for (const result of built) {
    console.log(`build: ${result.target} → ${result.summary} in ${duration(result.ms)}`);
  }
  const report = {
    built: built.map((result) => result.target),
    upToDate: results.filter((result) => !result.built).map((result) => result.target),
  };
  if (!quiet) console.log(summaryLine(report, Date.now() - started));
  return report;
}

function summaryLine(report: BuildReport, ms: number): string {
  if (report.built.length === 0) {
    return `build: nothing to do, all up to date (${report.upToDate.join(', ')}) in ${duration(ms)}`;
  }
  return `build: ${report.built.length} built, ${report.upToDate.length} up to date in ${duration(ms)}`;
}

function duration(ms: number): string {
  return ms < MS_PER_SECOND ? `${ms} ms` : `${(ms / MS_PER_SECOND).toFixed(1)} s`;
}

const FLAGS = ['--quiet', '--force'];

async function cli(args: string[]): Promise<void> {
  const unknown = args.filter((arg) => !FLAGS.includes(arg));
  if (unknown.length > 0) {
    console.error(`build: unknown option ${unknown.join(' ')}; accepted: ${FLAGS.join(' ')}`);
    process.exitCode = 2;
    return;
  }
  try {
    await build({ quiet: args.includes('--quiet'), force: args.includes('--force') });
  } catch (error) {
    console.error(`build failed: ${error instanceof BuildError ? error.message : (error as Error).stack}`);
    process.exitCode = 1;
  }
}

if (require.main === module) void cli(process.argv.slice(2));
