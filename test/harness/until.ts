export interface UntilOptions {
  /** How long the condition may take to hold before the wait fails; 8 s unless told (test machines are busy). */
  timeoutMs?: number;
  /** How often the condition is checked; 10 ms unless told. */
  intervalMs?: number;
  /** What did not happen, for the failure message. */
  message?: string;
}

const DEFAULT_TIMEOUT_MS = 8000;
const DEFAULT_INTERVAL_MS = 10;

/**
 * Waits until `predicate` holds: for work the code under test finishes on its own (a page's
 * request, an animation, a process going away). The one way tests wait; it fails with `message`
 * when the condition never holds, instead of a fixed sleep that is either too long or flaky.
 */
export async function until(
  predicate: () => boolean | Promise<boolean>,
  options: UntilOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) {
      throw new Error(`${options.message ?? 'the condition did not hold'} within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
