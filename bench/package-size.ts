/**
 * Package size as an upload with unused-file filtering (`ignoreUploadUnusedFiles`) would ship it:
 * only the files reachable from app.json count. The walk starts at the app's own files (app.ts,
 * app.wxss, app.json, sitemap, theme, the custom tab bar), every page of the main package and of
 * each subpackage, and follows:
 *
 * - `usingComponents` (and `componentGenerics` defaults) of every page and component JSON:
 *   relative, root-absolute or npm-style (`tdesign-miniprogram/button/button`, looked up in the
 *   nearest `miniprogram_npm/`, as DevTools resolves them);
 * - `require`/`import` of scripts (relative, root-absolute, or a package in `miniprogram_npm/`);
 * - WXSS `@import` and local `url()`s, WXML `<import>`, `<include>`, `<wxs src>` and static `src`s,
 *   `require` inside WXS, and image paths named in app.json and theme.json.
 *
 * Sizes are bytes on disk, except TypeScript: DevTools compiles it (`useCompilerPlugins`) and ships
 * the JavaScript, so a `.ts` file counts as esbuild's `transform` output for it (types stripped,
 * minified when project.config.json says `minified`, as the upload does; the few bytes of CommonJS
 * interop DevTools adds per file are left out). Type-only imports vanish in that output, so they
 * are not followed. JavaScript, WXML and WXSS count as written (TDesign's build is minified already).
 *
 * A file belongs to the subpackage whose root contains its path, else to the main package; so a
 * file several packages use, or a component of `miniprogram_npm/`, counts in the main package.
 */
import { transform } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import {
  NPM_FOLDER,
  packageOf as packageOfFile,
  pagesOf,
  resolveComponent,
  resolveModule,
  SCRIPT_EXTENSIONS,
  subpackagesOf,
} from '../packages/miniprogram-runtime/src/project';
import { miniprogramRoot, PROJECT_CONFIG, readAppJson, readJsonFile } from './app-json';

const TDESIGN = 'tdesign-miniprogram';
/** What a component or page is made of; `.ts` stands in for `.js` in the project's own code. */
const COMPONENT_PARTS = ['.json', '.wxml', '.wxss'] as const;
/** Files of TDesign's build that run in the mini program (its `.d.ts` typings never ship). */
const RUNTIME_EXTENSIONS = new Set(['.js', '.json', '.wxml', '.wxss', '.wxs']);
const ASSET_PATTERN = /\.(png|jpe?g|gif|svg|webp|ttf|woff2?|mp3|mp4)$/i;

export interface PackageFile {
  /** Relative to the mini program root, with forward slashes. */
  path: string;
  /** Bytes as shipped (compiled for `.ts`). */
  bytes: number;
  /** `main` or the subpackage's name. */
  pkg: string;
}

export interface PackageReport {
  mainBytes: number;
  totalBytes: number;
  subpackages: Record<string, number>;
  /** Every TDesign runtime file: what registering every component would ship. */
  tdesignFullBytes: number;
  files: PackageFile[];
  /** References that resolve to no file; an upload would fail or the feature break. */
  unresolved: string[];
  /** Files of one package that another package's files require (WeChat refuses these). */
  crossPackage: string[];
}

export async function measurePackages(root = miniprogramRoot()): Promise<PackageReport> {
  const app = readAppJson(root);
  const subpackages = subpackagesOf(app);
  const minify = Boolean(
    (readJsonFile(PROJECT_CONFIG) as { setting?: { minified?: boolean } }).setting?.minified,
  );
  const walker = new Walker(root, minify);

  await walker.file(path.join(root, 'app.json'));
  await walker.script(path.join(root, 'app'), 'app.json');
  await walker.optional(path.join(root, 'app.wxss'));
  for (const location of [app.sitemapLocation, app.themeLocation]) {
    if (location) await walker.file(path.join(root, location));
  }
  for (const tab of app.tabBar?.list ?? []) {
    for (const icon of [tab.iconPath, tab.selectedIconPath])
      if (icon) await walker.file(path.join(root, icon));
  }
  if (app.themeLocation) await walker.assetsNamedIn(path.join(root, app.themeLocation));
  if (app.tabBar?.custom) await walker.component(path.join(root, 'custom-tab-bar/index'), 'app.json tabBar');
  await walker.usingComponents(app.usingComponents ?? {}, path.join(root, 'app.json'));
  if (app.workers) {
    const workers = typeof app.workers === 'string' ? app.workers : app.workers.path;
    await walker.folder(path.join(root, workers));
  }
  for (const page of pagesOf(app)) await walker.component(path.join(root, page), 'app.json pages');

  const packageOf = (relative: string): string => packageOfFile(subpackages, relative);
  const files = [...walker.sizes].map(([file, bytes]) => {
    const relative = rel(root, file);
    return { path: relative, bytes, pkg: packageOf(relative) };
  });
  files.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));

  const bytesOf = (pkg: string) =>
    files.filter((file) => file.pkg === pkg).reduce((sum, f) => sum + f.bytes, 0);
  const crossPackage = new Set<string>();
  for (const [from, to] of walker.edges) {
    const [fromPkg, toPkg] = [packageOf(rel(root, from)), packageOf(rel(root, to))];
    if (toPkg !== 'main' && toPkg !== fromPkg) {
      crossPackage.add(`${rel(root, from)} (${fromPkg}) → ${rel(root, to)} (${toPkg})`);
    }
  }

  const mainBytes = bytesOf('main');
  const subpackageBytes = Object.fromEntries(subpackages.map((sub) => [sub.name, bytesOf(sub.name)]));
  return {
    mainBytes,
    totalBytes: mainBytes + Object.values(subpackageBytes).reduce((sum, bytes) => sum + bytes, 0),
    subpackages: subpackageBytes,
    tdesignFullBytes: tdesignRuntimeBytes(root),
    files,
    unresolved: [...walker.unresolved].sort(),
    crossPackage: [...crossPackage].sort(),
  };
}

/**
 * The biggest contributors to a package, grouped by folder: one entry per TDesign component
 * (`miniprogram_npm/tdesign-miniprogram/button`) and per project folder, for reports.
 */
export function largestGroups(
  files: PackageFile[],
  pkg: string,
  count: number,
): { group: string; bytes: number }[] {
  const groups = new Map<string, number>();
  for (const file of files.filter((f) => f.pkg === pkg)) {
    const parts = file.path.split('/');
    const depth = parts[0] === NPM_FOLDER ? 3 : 2;
    const group = parts.length > depth ? parts.slice(0, depth).join('/') : file.path;
    groups.set(group, (groups.get(group) ?? 0) + file.bytes);
  }
  return [...groups]
    .map(([group, bytes]) => ({ group, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

function tdesignRuntimeBytes(root: string): number {
  const dir = path.join(root, NPM_FOLDER, TDESIGN);
  if (!fs.existsSync(dir)) throw new Error(`${dir} is missing: run \`npm run build\` first`);
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && RUNTIME_EXTENSIONS.has(path.extname(entry.name)))
    .filter((entry) => !entry.name.endsWith('.d.ts'))
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

/** The dependency walk: each file is measured and scanned once. */
class Walker {
  /** Absolute path → bytes as shipped. */
  readonly sizes = new Map<string, number>();
  readonly unresolved = new Set<string>();
  /** (from, to) for every followed reference between two files. */
  readonly edges: [string, string][] = [];
  private readonly components = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly minify: boolean,
  ) {}

  /** A page or component: `base` without extension, e.g. `<root>/pages/home/index`. */
  async component(base: string, from: string): Promise<void> {
    if (this.components.has(base)) return;
    this.components.add(base);
    const json = `${base}.json`;
    if (!fs.existsSync(json)) {
      this.unresolved.add(`${from}: component ${rel(this.root, base)} has no ${path.basename(json)}`);
      return;
    }
    await this.file(json);
    await this.script(base, rel(this.root, json));
    for (const part of COMPONENT_PARTS.slice(1)) await this.optional(`${base}${part}`);
  }

  /** The components a page, component or app.json (`jsonFile`) names. */
  async usingComponents(using: Record<string, string>, jsonFile: string): Promise<void> {
    const from = rel(this.root, jsonFile);
    for (const [tag, value] of Object.entries(using)) {
      if (value.startsWith('plugin://')) continue;
      const base = resolveComponent(this.root, path.dirname(jsonFile), value);
      if (!base) {
        this.unresolved.add(`${from}: <${tag}> → ${value}`);
        continue;
      }
      this.edges.push([jsonFile, `${base}.json`]);
      await this.component(base, from);
    }
  }

  async folder(dir: string): Promise<void> {
    if (!fs.existsSync(dir)) {
      this.unresolved.add(`app.json workers: ${rel(this.root, dir)}`);
      return;
    }
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) await this.file(path.join(entry.parentPath, entry.name));
    }
  }

  /** The page's or component's script: `.ts` (compiled) or `.js`. */
  async script(base: string, from: string): Promise<void> {
    const file = SCRIPT_EXTENSIONS.map((ext) => `${base}${ext}`).find((candidate) =>
      fs.existsSync(candidate),
    );
    if (!file) {
      this.unresolved.add(`${from}: no script ${rel(this.root, base)}.ts/.js`);
      return;
    }
    await this.file(file);
  }

  async optional(file: string): Promise<void> {
    if (fs.existsSync(file)) await this.file(file);
  }

  /** Image paths named in a JSON file (theme.json's tab-bar icons). */
  async assetsNamedIn(jsonFile: string): Promise<void> {
    const strings: string[] = [];
    const collect = (value: unknown) => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(readJsonFile(jsonFile));
    for (const value of strings.filter((s) => ASSET_PATTERN.test(s))) {
      await this.reference(jsonFile, value, ['']);
    }
  }

  async file(file: string): Promise<void> {
    if (this.sizes.has(file)) return;
    if (!fs.existsSync(file)) {
      this.unresolved.add(rel(this.root, file));
      return;
    }
    this.sizes.set(file, 0);
    const ext = path.extname(file);
    const source = fs.readFileSync(file);
    let shipped = source.length;
    if (ext === '.ts' || ext === '.js') {
      const code = source.toString('utf8');
      if (ext === '.ts') shipped = Buffer.byteLength(await this.compile(file, code, 'esm', this.minify));
      for (const specifier of requiresIn(await this.compile(file, code, 'cjs', false))) {
        await this.module(file, specifier);
      }
    } else if (ext === '.wxss') {
      await this.wxss(file, source.toString('utf8'));
    } else if (ext === '.wxml') {
      await this.wxml(file, source.toString('utf8'));
    } else if (ext === '.wxs') {
      for (const specifier of requiresIn(source.toString('utf8')))
        await this.reference(file, specifier, ['']);
    } else if (ext === '.json' && path.basename(file) !== 'app.json') {
      await this.componentJson(file, source.toString('utf8'));
    }
    this.sizes.set(file, shipped);
  }

  private async componentJson(file: string, text: string): Promise<void> {
    const json = JSON.parse(text) as {
      usingComponents?: Record<string, string>;
      componentGenerics?: Record<string, { default?: string } | boolean>;
    };
    await this.usingComponents(json.usingComponents ?? {}, file);
    const generics = Object.entries(json.componentGenerics ?? {}).flatMap(([name, generic]) =>
      typeof generic === 'object' && generic.default ? [[name, generic.default] as const] : [],
    );
    await this.usingComponents(Object.fromEntries(generics), file);
  }

  /**
   * esbuild's output for a script: as ES module syntax to weigh TypeScript (CommonJS output would
   * add esbuild's interop helpers to every file, far more than DevTools' compiler adds), and as
   * CommonJS to read its dependencies, every import form having become `require("…")`.
   */
  private async compile(
    file: string,
    source: string,
    format: 'esm' | 'cjs',
    minify: boolean,
  ): Promise<string> {
    const result = await transform(source, {
      loader: file.endsWith('.ts') ? 'ts' : 'js',
      format,
      target: 'es2018',
      minify,
      sourcefile: file,
      logLevel: 'silent',
    });
    return result.code;
  }

  private async module(from: string, specifier: string): Promise<void> {
    const target = resolveModule(this.root, from, specifier);
    if (!target) {
      this.unresolved.add(`${rel(this.root, from)}: require('${specifier}')`);
      return;
    }
    this.edges.push([from, target]);
    await this.file(target);
  }

  private async wxss(file: string, text: string): Promise<void> {
    const css = text.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const match of css.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)['"]?\s*\)?\s*;/g)) {
      await this.reference(file, match[1] as string, ['', '.wxss']);
    }
    for (const match of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
      const target = match[1] as string;
      if (!isRemote(target) && ASSET_PATTERN.test(target)) await this.reference(file, target, ['']);
    }
  }

  private async wxml(file: string, text: string): Promise<void> {
    const markup = text.replace(/<!--[\s\S]*?-->/g, '');
    for (const match of markup.matchAll(/<(import|include|wxs)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g)) {
      const [, tag, target] = match as unknown as [string, string, string];
      await this.reference(file, target, tag === 'wxs' ? ['', '.wxs'] : ['', '.wxml']);
    }
    for (const match of markup.matchAll(
      /<(?!import|include|wxs)[\w-]+\b[^>]*?\bsrc\s*=\s*["']([^"'{}]+)["']/g,
    )) {
      const target = match[1] as string;
      if (!isRemote(target) && ASSET_PATTERN.test(target)) await this.reference(file, target, ['']);
    }
  }

  /** A relative or root-absolute file reference, tried with each of `extensions` appended. */
  private async reference(from: string, target: string, extensions: string[]): Promise<void> {
    const base = target.startsWith('/')
      ? path.join(this.root, target)
      : path.resolve(path.dirname(from), target);
    const file = extensions.map((ext) => `${base}${ext}`).find((candidate) => fs.existsSync(candidate));
    if (!file || !fs.statSync(file).isFile()) {
      this.unresolved.add(`${rel(this.root, from)}: ${target}`);
      return;
    }
    this.edges.push([from, file]);
    await this.file(file);
  }
}

/** Module names in CommonJS output (esbuild turns every import form into `require("…")`). */
function requiresIn(code: string): string[] {
  return [
    ...new Set(Array.from(code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g), (m) => m[1] as string)),
  ];
}

function isRemote(target: string): boolean {
  return /^(https?:)?\/\//.test(target) || target.startsWith('data:');
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

function rel(root: string, file: string): string {
  return toPosix(path.relative(root, file));
}
