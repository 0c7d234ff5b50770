/**
 * How the mini program runtime finds what a file names: components of `usingComponents` and
 * modules of `require`/`import`, relative, root-absolute (`/components/x`) or npm-style
 * (`tdesign-miniprogram/button/button`, looked up in the nearest `miniprogram_npm`, as DevTools'
 * "构建 npm" output is resolved). Paths in and out are absolute.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The folder "构建 npm" writes, in the mini program root or any folder below it. */
export const NPM_FOLDER = 'miniprogram_npm';
/** Script files, TypeScript first: the project's own code is `.ts`, compiled by DevTools. */
export const SCRIPT_EXTENSIONS = ['.ts', '.js'] as const;

const isFile = (file: string) => fs.existsSync(file) && fs.statSync(file).isFile();

/** `miniprogram_npm` folders from `dir` up to `root`, nearest first. */
export function npmFolders(root: string, dir: string): string[] {
  const folders: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    const npm = path.join(current, NPM_FOLDER);
    if (fs.existsSync(npm)) folders.push(npm);
    if (current === root || !current.startsWith(root)) return folders;
  }
}

/** The places a reference `value` made from `dir` may point to, in the order the runtime tries them. */
function bases(root: string, dir: string, value: string): string[] {
  if (value.startsWith('/')) return [path.join(root, value)];
  if (value.startsWith('.')) return [path.resolve(dir, value)];
  return npmFolders(root, dir).map((npm) => path.join(npm, value));
}

/**
 * A `usingComponents` value named in a json file of `dir`: the component's path without
 * extension (`<root>/components/x/index`), or undefined when no component is there.
 */
export function resolveComponent(root: string, dir: string, value: string): string | undefined {
  for (const base of bases(root, dir, value)) {
    for (const candidate of [base, path.join(base, 'index')]) {
      if (fs.existsSync(`${candidate}.json`)) return candidate;
    }
  }
  return undefined;
}

/** A `require(specifier)` of the script `from`: the file it loads, or undefined. */
export function resolveModule(root: string, from: string, specifier: string): string | undefined {
  for (const base of bases(root, path.dirname(from), specifier)) {
    const stripped = base.replace(/\.(ts|js)$/, '');
    const candidates = [
      base,
      ...SCRIPT_EXTENSIONS.map((ext) => `${stripped}${ext}`),
      ...SCRIPT_EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
    ];
    const found = candidates.find(isFile);
    if (found) return found;
  }
  return undefined;
}
