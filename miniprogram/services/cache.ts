/**
 * Stale-while-revalidate on wx storage: a page renders at once from what it showed last time,
 * then from the fresh answer. Entries carry a format version and a time: an entry from an older
 * version of the app, or older than its time to live, is not shown.
 */

/** Bump when the shape of any cached value changes, so old entries are ignored. */
export const CACHE_VERSION = 2;

/** Beyond this, content is too old to show even for a moment. */
export const CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const KEY_PREFIX = 'swr:';

interface Entry<T> {
  version: number;
  savedAt: number;
  value: T;
}

export interface Cached<T> {
  /** What was stored last time, read synchronously; undefined when there is nothing usable. */
  stale: T | undefined;
  /** The loader's answer, stored for next time once it arrives. */
  fresh: Promise<T>;
}

export interface CacheOptions {
  ttlMs?: number;
  /** For tests: the clock. */
  now?: () => number;
}

function isEntry(value: unknown): value is Entry<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'version' in value &&
    'savedAt' in value &&
    'value' in value
  );
}

/** The usable stored value of `key`, if any. */
export function readCache<T>(key: string, options: CacheOptions = {}): T | undefined {
  const now = options.now ?? Date.now;
  let stored: unknown;
  try {
    stored = wx.getStorageSync(KEY_PREFIX + key);
  } catch {
    // An unreadable storage is an empty cache: the page simply waits for the network.
    return undefined;
  }
  if (!isEntry(stored) || stored.version !== CACHE_VERSION) return undefined;
  if (now() - stored.savedAt > (options.ttlMs ?? CACHE_TTL_MS)) return undefined;
  return stored.value as T;
}

/** Stores `value` under `key` for the next open. */
export function writeCache<T>(key: string, value: T, options: CacheOptions = {}): void {
  const entry: Entry<T> = { version: CACHE_VERSION, savedAt: (options.now ?? Date.now)(), value };
  wx.setStorage({
    key: KEY_PREFIX + key,
    data: entry,
    // Full storage only costs the next open its instant render; the page itself is unaffected.
    fail: () => undefined,
  });
}

/**
 * The cached value of `key` at once (`stale`) and the loader's fresh value (`fresh`), which
 * replaces the cached one when it arrives. A failed load leaves the cache as it was.
 */
export function cached<T>(key: string, loader: () => Promise<T>, options: CacheOptions = {}): Cached<T> {
  const stale = readCache<T>(key, options);
  const fresh = loader().then((value) => {
    writeCache(key, value, options);
    return value;
  });
  return { stale, fresh };
}
