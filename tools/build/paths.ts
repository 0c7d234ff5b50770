import path from 'node:path';

/** Repository root; every path the build records is relative to it. */
export const ROOT = path.resolve(__dirname, '../..');

export const PACKAGE_JSON = path.join(ROOT, 'package.json');
export const PACKAGE_LOCK = path.join(ROOT, 'package-lock.json');
export const MINIPROGRAM_DIR = path.join(ROOT, 'miniprogram');
export const MINIPROGRAM_NPM_DIR = path.join(MINIPROGRAM_DIR, 'miniprogram_npm');
export const CLOUDFUNCTIONS_DIR = path.join(ROOT, 'cloudfunctions');
/** Git-ignored scratch space: stamps and staging folders. */
export const BUILD_DIR = path.join(ROOT, '.build');

/** `a/b/c` relative to the repository root, with forward slashes on every platform. */
export function relativeToRoot(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}
