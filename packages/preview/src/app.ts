/**
 * The app as the preview builds it: every page and component reachable from app.json through
 * `usingComponents`, each json's `usingComponents` resolved to root-absolute paths (npm-style
 * paths through `miniprogram_npm`, which simulate does not resolve itself), and the scripts they
 * run, compiled one module each. Keys are paths from the mini program root without extension.
 */
import { transform } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { resolveComponent, resolveModule, SCRIPT_EXTENSIONS } from '../../miniprogram-runtime/src/project';
import { PreviewBuildError } from './errors';

export type Json = Record<string, unknown>;

export function readJson(file: string, root: string): Json {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  } catch (error) {
    throw new PreviewBuildError(`preview: ${path.relative(root, file)}: ${(error as Error).message}`);
  }
}

const toKey = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/');

export function collectComponents(
  dir: string,
  entries: string[],
  globalUsing: Record<string, string>,
): Map<string, Json> {
  const found = new Map<string, Json>();
  const visit = (key: string, via: string) => {
    if (found.has(key)) return;
    const file = path.join(dir, `${key}.json`);
    if (!fs.existsSync(file)) throw new PreviewBuildError(`preview: ${via}: ${key}.json does not exist`);
    const json = readJson(file, dir);
    const using = { ...globalUsing, ...((json.usingComponents ?? {}) as Record<string, string>) };
    const resolved: Record<string, string> = {};
    found.set(key, { ...json, usingComponents: resolved });
    for (const [tag, value] of Object.entries(using)) {
      const target = resolveComponent(dir, path.dirname(file), value);
      if (target === undefined || toKey(dir, target).startsWith('..')) {
        throw new PreviewBuildError(`preview: ${key}.json: <${tag}> → "${value}" resolves to no component`);
      }
      const targetKey = toKey(dir, target);
      resolved[tag] = `/${targetKey}`;
      visit(targetKey, `${key}.json <${tag}>`);
    }
  };
  for (const entry of entries) visit(entry, 'app.json');
  return found;
}

/** json settings the component framework under simulate lacks (abstract nodes, placeholders). */
const UNSUPPORTED_JSON = ['componentGenerics', 'componentPlaceholder'];

export function unsupportedSettings(components: Map<string, Json>): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [key, json] of components) {
    const names = UNSUPPORTED_JSON.filter((name) => json[name] !== undefined);
    if (names.length > 0) found[key] = names;
  }
  return found;
}

/** The script of a page or component (`.ts` or `.js`), relative to the root, or null. */
export function scriptFile(dir: string, key: string): string | null {
  const extension = SCRIPT_EXTENSIONS.find((ext) => fs.existsSync(path.join(dir, `${key}${ext}`)));
  return extension ? `${key}${extension}` : null;
}

/**
 * Compiles `entries` and every module they require to CommonJS function bodies, keyed by path
 * without extension (json modules keep theirs), each `require("…")` rewritten to that key.
 */
export async function compileModules(dir: string, entries: string[]): Promise<Map<string, string>> {
  const modules = new Map<string, string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const key = queue.shift() as string;
    if (modules.has(key)) continue;
    const file = key.endsWith('.json') ? key : scriptFile(dir, key);
    if (file === null) throw new PreviewBuildError(`preview: no script for ${key}`);
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    if (file.endsWith('.json')) {
      modules.set(key, `module.exports = ${source.trim()};`);
      continue;
    }
    const { code } = await transform(source, {
      loader: file.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'es2020',
      sourcefile: file,
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: false } },
    });
    const rewritten = code.replace(/\brequire\("([^"]+)"\)/g, (_match, specifier: string) => {
      const target = moduleKey(dir, file, specifier);
      if (target === null) {
        throw new PreviewBuildError(`preview: ${file}: cannot resolve require("${specifier}")`);
      }
      queue.push(target);
      return `require(${JSON.stringify(target)})`;
    });
    modules.set(key, rewritten);
  }
  return modules;
}

/** The module key `require(specifier)` in `file` loads; null outside the mini program root. */
function moduleKey(dir: string, file: string, specifier: string): string | null {
  const target = resolveModule(dir, path.join(dir, file), specifier);
  if (target === undefined) return null;
  const key = toKey(dir, target);
  if (key.startsWith('..')) return null;
  return key.endsWith('.json') ? key : key.replace(/\.(ts|js)$/, '');
}
