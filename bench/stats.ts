/** Timing helpers: nearest-rank percentiles over samples in milliseconds. */

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export interface Summary {
  samples: number;
  /** The median over trials of each trial's p50 and p95: one burst of load spoils one trial only. */
  p50Ms: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  /** Each trial's p95, in the order run. */
  trialP95Ms: number[];
}

/** Samples taken in trials spread over the run; a single trial is a plain p50/p95. */
export function summarizeTrials(trials: number[][]): Summary {
  const all = trials.flat();
  const median = (values: number[]) => percentile(values, 50);
  return {
    samples: all.length,
    p50Ms: round(median(trials.map((trial) => percentile(trial, 50)))),
    p95Ms: round(median(trials.map((trial) => percentile(trial, 95)))),
    minMs: round(Math.min(...all)),
    maxMs: round(Math.max(...all)),
    trialP95Ms: trials.map((trial) => round(percentile(trial, 95))),
  };
}

export function summarize(samples: number[]): Summary {
  return summarizeTrials([samples]);
}

/** Milliseconds `run` takes. */
export async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Fisher–Yates, so no operation always runs first (or after another) within a round. */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
