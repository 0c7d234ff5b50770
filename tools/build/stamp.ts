import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_DIR, ROOT } from './paths';

/**
 * A stamp records what a target was built from and what it produced, each as a fingerprint, so a
 * later run can tell an unchanged target without rebuilding it.
 */
interface Stamp {
  /** Everything that shapes the output besides the files: the builder's own code, options. */
  recipe: string;
  /** Repository-relative path → fingerprint, inputs and outputs alike. */
  files: Record<string, string>;
}

const STAMP_DIR = path.join(BUILD_DIR, 'stamps');
const MISSING = 'missing';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The source of a builder module, so editing the build recipe invalidates what it built. */
export function recipeOf(moduleFile: string, ...extra: string[]): string {
  return sha256([fs.readFileSync(moduleFile, 'utf8'), ...extra].join('\0'));
}

/**
 * A file's content hash; for a folder, a hash of every file's path and size. Sizes are enough for
 * folders copied wholesale by a tool (a deleted, added or truncated file shows) and avoid reading
 * megabytes on every warm run.
 */
export function fingerprint(relativePath: string): string {
  const absolute = path.join(ROOT, relativePath);
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (!stat) return MISSING;
  if (stat.isFile()) return sha256(fs.readFileSync(absolute));
  const listing = fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return `${path.relative(absolute, file)}\t${fs.statSync(file).size}`;
    })
    .sort();
  return sha256(listing.join('\n'));
}

/** True when the target was stamped with this recipe and none of its files changed since. */
export function isFresh(target: string, recipe: string): boolean {
  const stamp = readStamp(target);
  if (!stamp || stamp.recipe !== recipe) return false;
  return Object.entries(stamp.files).every(
    ([file, print]) => print !== MISSING && fingerprint(file) === print,
  );
}

export function writeStamp(target: string, recipe: string, files: string[]): void {
  const stamp: Stamp = { recipe, files: Object.fromEntries(files.map((file) => [file, fingerprint(file)])) };
  writeFileAtomic(stampPath(target), JSON.stringify(stamp, null, 2));
}

/** Readers (a running local cloud, a concurrent build) see the old file or the new one, never half. */
export function writeFileAtomic(file: string, contents: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

function stampPath(target: string): string {
  return path.join(STAMP_DIR, `${target.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);
}

function readStamp(target: string): Stamp | undefined {
  try {
    return JSON.parse(fs.readFileSync(stampPath(target), 'utf8')) as Stamp;
  } catch {
    // No stamp yet, or one cut short: either way the target is rebuilt.
    return undefined;
  }
}
