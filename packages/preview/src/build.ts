/**
 * Builds the browser preview that the local cloud serves at `GET /`: the real mini program (its
 * WXML, WXSS, TypeScript and TDesign components) rendered in a browser by miniprogram-simulate's
 * browser build, i.e. j-component on exparser, WeChat's own component framework.
 *
 * What runs where:
 * - WXML is compiled here, in Node, by `wcc` (the official compiler simulate uses under jest, a
 *   native binary that cannot run in a browser); the browser receives the generated `$gwx` code,
 *   as simulate's karma setup does.
 * - Scripts (the app's TypeScript, TDesign's ES modules, tslib) are compiled one module each by
 *   esbuild and resolved as the mini program runtime resolves them (relative paths, then the
 *   nearest `miniprogram_npm`); the shell's `require` runs them in one shared registry.
 * - WXSS is turned into browser CSS here: imports inlined, `rpx` in px for a 375 px wide phone,
 *   `page` and `:host` as the elements the shell renders, builtin tags as their `wx-*` elements.
 *   simulate then scopes class names per component in the browser, as under jest.
 *
 * Nothing is written to disk: `buildPreview()` answers the files the preview serves. It reads
 * only the folders its options name.
 */
import { build as esbuild } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pagesOf, readAppJson, type AppJson } from '../../miniprogram-runtime/src/project';
import { collectComponents, compileModules, readJson, scriptFile, unsupportedSettings } from './app';
import { PreviewBuildError as BuildError } from './errors';
import { iconCss, withoutIconFont, type IconSet } from './icons';
import { FRAME_WIDTH_PX } from './shell/frame';
import { readWxss, RPX_PER_SCREEN, toBrowserCss } from './wxss';

/** Room for the compiled templates of the whole app plus TDesign (wcc's default is 1 MB). */
const WCC_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
/** The npm package the preview cannot render without (the app's component library). */
const REQUIRED_NPM_PACKAGE = 'tdesign-miniprogram';

/** TDesign's icon component: its font is replaced by SVG icons in the preview (src/icons.ts). */
const ICON_COMPONENT = /(^|\/)tdesign-miniprogram\/icon\/icon$/;
/** The TDesign icon set as SVG data (dev-only). */
const ICON_SET_FILE = require.resolve('@iconify-json/tdesign/icons.json');

const SHELL_DIR = path.join(__dirname, 'shell');
const SIMULATE_BROWSER_BUILD = require.resolve('miniprogram-simulate/build.js');

export interface PreviewPaths {
  /** The mini program root (`miniprogramRoot` of project.config.json). */
  miniprogramDir: string;
  /** The npm build ("构建 npm") the app's components come from. */
  miniprogramNpmDir: string;
  /** The repository root: where esbuild resolves the shell's imports, and what messages are relative to. */
  root: string;
}

export interface PreviewAsset {
  contentType: string;
  body: Buffer;
}

export interface PreviewBundle {
  /** URL path → file, e.g. `/` and `/_preview/shell.js`. */
  assets: Map<string, PreviewAsset>;
  /** Every page route the preview can open. */
  pages: string[];
  ms: number;
}

/** Everything the shell receives about the app (`window.__PREVIEW_APP__` minus code). */
export interface PreviewManifest {
  appJson: AppJson;
  theme: Record<string, Record<string, string>>;
  pages: Record<string, { json: Record<string, unknown> }>;
  tabBarComponent: string | null;
  /** Component json settings j-component does not implement, by component: reported when used. */
  unsupported: Record<string, string[]>;
}

export async function buildPreview(paths: PreviewPaths): Promise<PreviewBundle> {
  const started = Date.now();
  const dir = paths.miniprogramDir;
  if (!fs.existsSync(path.join(paths.miniprogramNpmDir, REQUIRED_NPM_PACKAGE))) {
    throw new BuildError(`${paths.miniprogramNpmDir} is missing: run \`npm run build\` first`);
  }
  let appJson: AppJson;
  try {
    appJson = readAppJson(dir);
  } catch (error) {
    throw new BuildError(`preview: ${(error as Error).message}`);
  }
  const pages = pagesOf(appJson);
  const tabBarComponent = appJson.tabBar?.custom ? 'custom-tab-bar/index' : null;

  const components = collectComponents(
    dir,
    [...pages, ...(tabBarComponent ? [tabBarComponent] : [])],
    appJson.usingComponents ?? {},
  );
  const pageSet = new Set(pages);
  const appWxss = readWxss(dir, 'app');

  const files: Record<string, string> = {};
  let iconNames: string[] = [];
  for (const [key, json] of components) {
    files[`${key}.json`] = JSON.stringify(json);
    let own = fs.existsSync(path.join(dir, `${key}.wxss`)) ? readWxss(dir, key) : '';
    if (ICON_COMPONENT.test(key)) ({ css: own, names: iconNames } = withoutIconFont(own));
    files[`${key}.wxss`] = pageSet.has(key)
      ? toBrowserCss(`${appWxss}\n${own}`, { page: `[data-preview-page="${key}"]`, host: '' }, `${key}.wxss`)
      : toBrowserCss(
          own,
          { page: '[data-preview-page]', host: `[data-preview-host="${key}"]` },
          `${key}.wxss`,
        );
  }

  const scripts = ['app', ...[...components.keys()].filter((key) => scriptFile(dir, key) !== null)];
  const modules = await compileModules(dir, scripts);

  const themeFile = path.join(dir, 'theme.json');
  const manifest: PreviewManifest = {
    appJson,
    theme: fs.existsSync(themeFile) ? (readJson(themeFile, paths.root) as PreviewManifest['theme']) : {},
    pages: Object.fromEntries(pages.map((page) => [page, { json: components.get(page) ?? {} }])),
    tabBarComponent,
    unsupported: unsupportedSettings(components),
  };

  const appFiles = [
    '/* Generated by packages/preview/src/build.ts from the mini program: do not edit. */',
    `window.__PREVIEW_APP__ = ${JSON.stringify({ manifest, files })};`,
    `window.__PREVIEW_APP__.modules = {\n${[...modules]
      .map(([key, code]) => `${JSON.stringify(key)}: function (require, module, exports) {\n${code}\n}`)
      .join(',\n')}\n};`,
    `window.__PREVIEW_APP__.gwx = function () {\n${compileWxml(dir)}\n};`,
  ].join('\n');

  const assets = new Map<string, PreviewAsset>();
  const add = (urlPath: string, contentType: string, body: string | Buffer) =>
    assets.set(urlPath, { contentType, body: Buffer.isBuffer(body) ? body : Buffer.from(body) });
  add('/', 'text/html; charset=utf-8', fs.readFileSync(path.join(SHELL_DIR, 'index.html')));
  add('/_preview/shell.css', 'text/css; charset=utf-8', fs.readFileSync(path.join(SHELL_DIR, 'shell.css')));
  add('/_preview/icons.css', 'text/css; charset=utf-8', offlineIcons(iconNames));
  add('/_preview/simulate.js', 'text/javascript; charset=utf-8', simulateBrowserBuild());
  add('/_preview/app.js', 'text/javascript; charset=utf-8', appFiles);
  add('/_preview/shell.js', 'text/javascript; charset=utf-8', await bundleShell(paths.root));
  return { assets, pages, ms: Date.now() - started };
}

/** The SVG icons for the names TDesign's icon stylesheet draws; a name the set lacks fails the build. */
function offlineIcons(names: string[]): string {
  const set = JSON.parse(fs.readFileSync(ICON_SET_FILE, 'utf8')) as IconSet;
  const { css, missing } = iconCss(set, names);
  if (missing.length > 0) {
    throw new BuildError(`preview: @iconify-json/tdesign lacks the TDesign icons ${missing.join(', ')}`);
  }
  return css;
}

// ---------------------------------------------------------------------------------------------
// WXML

function compileWxml(dir: string): string {
  // The compiler simulate itself runs under jest (its dependency, resolved from it).
  const compiler = createRequire(SIMULATE_BROWSER_BUILD)('miniprogram-compiler') as {
    wxmlToJs(rootPath: string, options: Record<string, unknown>): string;
  };
  try {
    return compiler.wxmlToJs(dir, {
      wxmlList: listFiles(dir, '.wxml'),
      wxsList: listFiles(dir, '.wxs'),
      maxBuffer: WCC_MAX_OUTPUT_BYTES,
    });
  } catch (error) {
    throw new BuildError(`preview: wcc: ${(error as Error).message}`);
  }
}

/** Every file of the app with `extension`, relative to the mini program root. */
function listFiles(root: string, extension: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(extension))
        found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return found.sort();
}

// ---------------------------------------------------------------------------------------------
// Browser code

/**
 * simulate's own browser build, with one change: `rpx` in inline styles (`style="{{…}}"`) and
 * animations is scaled to the frame like the WXSS, where simulate maps 1 rpx to 1 px.
 */
function simulateBrowserBuild(): string {
  const source = fs.readFileSync(SIMULATE_BROWSER_BUILD, 'utf8');
  const original = "function transformRpx(style) {\n  return style.replace(/(\\d+)rpx/ig, '$1px')\n}";
  const count = source.split(original).length - 1;
  if (count !== 2) {
    throw new BuildError(
      `preview: miniprogram-simulate's browser build changed (${count} transformRpx found, expected 2): update packages/preview/src/build.ts`,
    );
  }
  const scaled = [
    'function transformRpx(style) {',
    `  return String(style).replace(/(-?\\d*\\.?\\d+)rpx/ig, (m, n) => Math.round(n * ${FRAME_WIDTH_PX / RPX_PER_SCREEN} * 1000) / 1000 + 'px')`,
    '}',
  ].join('\n');
  return source.split(original).join(scaled);
}

async function bundleShell(root: string): Promise<string> {
  const result = await esbuild({
    entryPoints: [path.join(SHELL_DIR, 'shell.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    absWorkingDir: root,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
