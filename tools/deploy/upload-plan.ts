/**
 * What `npm run upload` / `npm run preview:qr` would send to WeChat: every file of the mini program
 * folder that the code package contains, with sizes per package, worked out offline.
 *
 * What is counted, file by file, under `miniprogramRoot`:
 * - a `.ts` file (not `.d.ts`) counts as the `.js` DevTools' `typescript` compiler plugin makes of it,
 *   sized here by stripping its types with esbuild (minified when `setting.minified` is on);
 * - every other file counts as it is on disk, if its type is one WeChat accepts in a code package;
 * - left out: type declarations, source maps, tests, `tsconfig.json`, files that project.config.json's
 *   `packOptions.ignore` names, and file types WeChat does not accept.
 * The real upload also drops files no page uses (`setting.ignoreUploadUnusedFiles`), e.g. unused
 * TDesign components, so the real packages are at most what is planned here.
 */
import { transformSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  MAIN_PACKAGE,
  packageOf,
  readAppJson,
  subpackagesOf,
  type AppJson,
} from '../../packages/miniprogram-runtime/src/project';
import { ROOT } from '../build/paths';
import { checkEnv, UPLOAD_CREDENTIALS, type EnvReport } from './env';
import { parseJsonFile, PlanError, readCloudbaserc, readJson, type PlannedFile } from './plan';

/** WeChat's limit for the main package and for each subpackage. */
export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;
export { MAIN_PACKAGE };

/**
 * File types a mini program code package may contain. The same list as miniprogram-ci's built-in
 * `MiniProgramWhiteList` (what it falls back to offline); a test keeps the two equal.
 */
export const UPLOADABLE_EXTENSIONS = [
  '.wxml', '.wxss', '.wxs', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.js', '.json', '.cer', '.mp3', '.aac',
  '.m4a', '.mp4', '.wav', '.ogg', '.silk', '.wasm', '.br', '.cur', '.ico', '.skel', '.crt', '.cert',
]; // prettier-ignore

/** Template IDs the local cloud's stand-ins answer to (`local-news-template`, …); never uploadable. */
const LOCAL_TEMPLATE_PREFIX = 'local-';

export type ExclusionReason =
  'type-declaration' | 'type-only' | 'source-map' | 'test' | 'dev-config' | 'pack-options' | 'not-uploadable';

/** Development-only files by why they stay behind, as globs relative to the mini program root. */
const DEV_ONLY_GLOBS: Partial<Record<ExclusionReason, string[]>> = {
  'type-declaration': ['**/*.d.ts'],
  'source-map': ['**/*.map'],
  test: ['**/__tests__/**', '**/__test__/**', '**/*.test.*', '**/*.spec.*'],
  'dev-config': ['**/tsconfig.json'],
};
const DEV_ONLY = Object.entries(DEV_ONLY_GLOBS).flatMap(([reason, globs]) =>
  globs.map((glob) => ({ glob, reason: reason as ExclusionReason })),
);

export interface UploadFile extends PlannedFile {
  /** The package the file belongs to: `main` or a subpackage's name. */
  package: string;
  /** The TypeScript source this `.js` is compiled from. */
  source?: string;
}

export interface PackagePlan {
  name: string;
  /** Folder relative to the mini program root; empty for the main package. */
  root: string;
  files: number;
  bytes: number;
  limitBytes: number;
  overBudget: boolean;
}

export interface UploadCheck {
  /** `blocking` stops a real upload (and fails the dry run); `warning` is printed only. */
  level: 'blocking' | 'warning' | 'info';
  message: string;
}

export interface UploadPlan {
  mode: 'upload' | 'preview';
  appid?: string;
  version: string;
  description: string;
  /** The folder holding project.config.json. */
  projectPath: string;
  /** `miniprogramRoot` from project.config.json, e.g. `miniprogram/`. */
  miniprogramRoot: string;
  files: UploadFile[];
  excluded: { path: string; reason: ExclusionReason }[];
  packages: PackagePlan[];
  totalBytes: number;
  /** Handed to miniprogram-ci so the real upload leaves out what this plan leaves out. */
  ciIgnores: string[];
  checks: UploadCheck[];
  /** What a real upload needs; in a dry run, only reported. */
  env: EnvReport;
}

export interface UploadPlanOptions {
  mode: 'upload' | 'preview';
  env?: NodeJS.ProcessEnv;
  /** The folder with project.config.json and package.json (the repository root by default). */
  projectPath?: string;
  cloudbasercPath?: string;
}

const projectConfigSchema = z.looseObject({
  miniprogramRoot: z.string().min(1),
  setting: z
    .looseObject({
      minified: z.boolean().optional(),
      useCompilerPlugins: z.array(z.string()).optional(),
    })
    .default({}),
  packOptions: z
    .looseObject({
      ignore: z.array(z.object({ type: z.string(), value: z.string() })).default([]),
      include: z.array(z.object({ type: z.string(), value: z.string() })).default([]),
    })
    .default({ ignore: [], include: [] }),
});

type PackRule = { type: string; value: string };

export function planUpload(options: UploadPlanOptions): UploadPlan {
  const projectPath = options.projectPath ?? ROOT;
  const project = parseJsonFile(projectConfigSchema, path.join(projectPath, 'project.config.json'));
  const pkg = parseJsonFile(
    z.looseObject({ version: z.string().min(1), description: z.string().min(1) }),
    path.join(projectPath, 'package.json'),
  );
  const miniprogramRoot = `${project.miniprogramRoot.replace(/^\.\//, '').replace(/\/+$/, '')}/`;
  const rootDir = path.join(projectPath, miniprogramRoot);
  const subpackages = subpackagesOf(readApp(rootDir));
  const compileTs = project.setting.useCompilerPlugins?.includes('typescript') ?? false;

  const { files, excluded, checks } = collectFiles(
    rootDir,
    (file) => exclusionOf(file, project.packOptions, compileTs),
    {
      minify: project.setting.minified ?? false,
      packageOf: (file) => packageOf(subpackages, file),
    },
  );
  const packages = [
    { name: MAIN_PACKAGE, root: '' },
    ...subpackages.map((sub) => ({ name: sub.name, root: `${sub.root}/` })),
  ].map(({ name, root }) => packagePlan(name, root, files));
  for (const pkgPlan of packages.filter((p) => p.overBudget)) {
    checks.push({
      level: 'blocking',
      message:
        `${pkgPlan.name === MAIN_PACKAGE ? '主包 / main package' : `分包 / subpackage ${pkgPlan.name}`} ` +
        `is ${pkgPlan.bytes} bytes, over the ${PACKAGE_LIMIT_BYTES}-byte limit`,
    });
  }

  const rc = readCloudbaserc(options.cloudbasercPath);
  const env = checkEnv([...UPLOAD_CREDENTIALS, rc.envIdVariable], options.env);
  checks.push(...npmBuildChecks(projectPath, rootDir));
  checks.push(
    ...configChecks(
      path.join(rootDir, 'config.ts'),
      env.values[rc.envIdVariable],
      rc.envIdVariable,
      options.env ?? process.env,
    ),
  );

  return {
    mode: options.mode,
    appid: env.values.WX_APPID,
    version: pkg.version,
    description: pkg.description,
    projectPath,
    miniprogramRoot,
    files,
    excluded,
    packages,
    totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    ciIgnores: ciIgnores(projectPath, miniprogramRoot),
    checks,
    env,
  };
}

/** Every file under the mini program root: what is uploaded (TypeScript as its compiled size) and what is not. */
function collectFiles(
  rootDir: string,
  exclusion: (file: string) => ExclusionReason | undefined,
  options: { minify: boolean; packageOf: (file: string) => string },
): { files: UploadFile[]; excluded: UploadPlan['excluded']; checks: UploadCheck[] } {
  const files: UploadFile[] = [];
  const excluded: UploadPlan['excluded'] = [];
  const checks: UploadCheck[] = [];
  for (const file of walk(rootDir)) {
    const reason = exclusion(file);
    if (reason) {
      excluded.push({ path: file, reason });
    } else if (file.endsWith('.ts')) {
      const compiled = compileTypeScript(path.join(rootDir, file), options.minify);
      if (compiled.error)
        checks.push({ level: 'blocking', message: `${file} does not compile: ${compiled.error}` });
      checks.push(...escapingImports(file, compiled.code, rootDir));
      // A module of types alone (the contract's API types) compiles to nothing, and nothing
      // requires it once types are erased: ignoreUploadUnusedFiles leaves it out of the upload.
      if (!compiled.error && compiled.code.trim() === '') {
        excluded.push({ path: file, reason: 'type-only' });
        continue;
      }
      const bytes = Buffer.byteLength(compiled.code);
      files.push({
        path: file.replace(/\.ts$/, '.js'),
        source: file,
        bytes,
        package: options.packageOf(file),
      });
    } else {
      const bytes = fs.statSync(path.join(rootDir, file)).size;
      files.push({ path: file, bytes, package: options.packageOf(file) });
    }
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, excluded, checks };
}

function packagePlan(name: string, root: string, files: UploadFile[]): PackagePlan {
  const own = files.filter((file) => file.package === name);
  const bytes = own.reduce((sum, file) => sum + file.bytes, 0);
  return {
    name,
    root,
    files: own.length,
    bytes,
    limitBytes: PACKAGE_LIMIT_BYTES,
    overBudget: bytes > PACKAGE_LIMIT_BYTES,
  };
}

function readApp(rootDir: string): AppJson {
  try {
    return readAppJson(rootDir);
  } catch (error) {
    throw new PlanError((error as Error).message);
  }
}

export function isBlocked(plan: UploadPlan): boolean {
  return plan.checks.some((check) => check.level === 'blocking');
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new PlanError(`${dir} does not exist`);
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function exclusionOf(
  file: string,
  packOptions: { ignore: PackRule[]; include: PackRule[] },
  compileTs: boolean,
): ExclusionReason | undefined {
  const devOnly = DEV_ONLY.find((rule) => globToRegExp(rule.glob).test(file));
  if (devOnly) return devOnly.reason;
  const included = packOptions.include.some((rule) => matchesPackRule(file, rule));
  if (!included && packOptions.ignore.some((rule) => matchesPackRule(file, rule))) return 'pack-options';
  const extension = path.posix.extname(file).toLowerCase();
  if (extension === '.ts' && compileTs) return undefined;
  return UPLOADABLE_EXTENSIONS.includes(extension) ? undefined : 'not-uploadable';
}

/**
 * project.config.json `packOptions` rules, as DevTools applies them: case-insensitive, paths
 * relative to the mini program root; `prefix`/`suffix` look at the file name only.
 */
export function matchesPackRule(file: string, rule: PackRule): boolean {
  const target = file.toLowerCase();
  const value = rule.value.toLowerCase().replace(/^\.?\//, '');
  const base = target.slice(target.lastIndexOf('/') + 1);
  switch (rule.type) {
    case 'prefix':
      return base.startsWith(value);
    case 'suffix':
      return base.endsWith(value);
    case 'folder':
      return target.startsWith(value.endsWith('/') ? value : `${value}/`);
    case 'file':
      return target === value;
    case 'glob':
      return globToRegExp(value).test(target);
    case 'regexp':
      return new RegExp(rule.value, 'i').test(file);
    default:
      throw new PlanError(`project.config.json: unknown packOptions rule type "${rule.type}"`);
  }
}

/** `**` spans folders, `*` and `?` stay within one; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i] as string;
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function compileTypeScript(file: string, minify: boolean): { code: string; error?: string } {
  const source = fs.readFileSync(file, 'utf8');
  try {
    return { code: transformSync(source, { loader: 'ts', format: 'esm', target: 'es2018', minify }).code };
  } catch (error) {
    return { code: source, error: (error as Error).message.split('\n')[0] };
  }
}

const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;

/** Only the mini program folder is uploaded: a runtime import of a file outside it breaks the app. */
function escapingImports(file: string, code: string, rootDir: string): UploadCheck[] {
  const checks: UploadCheck[] = [];
  for (const match of code.matchAll(IMPORT_SPECIFIER)) {
    const specifier = match[1] as string;
    if (!specifier.startsWith('.')) continue;
    const target = path.resolve(path.dirname(path.join(rootDir, file)), specifier);
    if (path.relative(rootDir, target).startsWith('..')) {
      checks.push({
        level: 'blocking',
        message: `${file} imports ${specifier} at run time, outside the uploaded folder (use \`import type\`, or move the code)`,
      });
    }
  }
  return checks;
}

function npmBuildChecks(projectPath: string, rootDir: string): UploadCheck[] {
  const { dependencies = {} } = readJson(path.join(projectPath, 'package.json')) as {
    dependencies?: Record<string, string>;
  };
  const missing = Object.keys(dependencies).filter(
    (name) => !fs.existsSync(path.join(rootDir, 'miniprogram_npm', name)),
  );
  return missing.length === 0
    ? []
    : [{ level: 'blocking', message: `miniprogram_npm lacks ${missing.join(', ')}: run \`npm run build\`` }];
}

/**
 * The app reads its environment ID and template IDs from `config.ts`; the cloud side reads them
 * from the environment. A mismatch would ship an app that talks to the wrong environment.
 */
function configChecks(
  file: string,
  envId: string | undefined,
  envIdVariable: string,
  env: NodeJS.ProcessEnv,
): UploadCheck[] {
  if (!fs.existsSync(file))
    return [{ level: 'warning', message: `${path.basename(file)} not found: cannot check CLOUD_ENV_ID` }];
  const constants = Object.fromEntries(
    [
      ...fs
        .readFileSync(file, 'utf8')
        .matchAll(/export const ([A-Z_]+)\s*(?::\s*string\s*)?=\s*(['"`])(.*?)\2/g),
    ].map((match) => [match[1] as string, match[3] as string]),
  );
  const checks: UploadCheck[] = [];
  const cloudEnvId = constants.CLOUD_ENV_ID;
  if (cloudEnvId === undefined) {
    checks.push({ level: 'warning', message: 'config.ts has no CLOUD_ENV_ID constant: cannot check it' });
  } else if (envId === undefined) {
    checks.push({
      level: 'info',
      message: `config.ts CLOUD_ENV_ID = "${cloudEnvId}" (${envIdVariable} not set: not compared)`,
    });
  } else if (cloudEnvId !== envId) {
    checks.push({
      level: 'blocking',
      message: `config.ts CLOUD_ENV_ID = "${cloudEnvId}" but ${envIdVariable} = "${envId}": the app would call another environment`,
    });
  } else {
    checks.push({ level: 'info', message: `config.ts CLOUD_ENV_ID matches ${envIdVariable} ("${envId}")` });
  }
  for (const [name, value] of Object.entries(constants).filter(([key]) =>
    key.startsWith('SUBSCRIBE_TEMPLATE_'),
  )) {
    const fromEnv = env[name]?.trim();
    if (!value)
      checks.push({
        level: 'warning',
        message: `config.ts ${name} is empty: that subscription cannot be requested`,
      });
    else if (fromEnv && fromEnv !== value)
      checks.push({
        level: 'blocking',
        message: `config.ts ${name} = "${value}" but the environment has "${fromEnv}"`,
      });
    else if (value.startsWith(LOCAL_TEMPLATE_PREFIX))
      checks.push({
        level: 'warning',
        message: `config.ts ${name} = "${value}" is the local cloud's stand-in: set the template ID from 微信公众平台`,
      });
  }
  return checks;
}

/**
 * Globs relative to the project path for miniprogram-ci's `ignores`: everything beside the mini
 * program folder (the CI would otherwise scan the whole repository) and the development-only files.
 * `packOptions` need no copy here: the CI reads them from project.config.json itself.
 */
function ciIgnores(projectPath: string, miniprogramRoot: string): string[] {
  const top = miniprogramRoot.split('/')[0];
  const beside = fs
    .readdirSync(projectPath, { withFileTypes: true })
    .filter((entry) => entry.name !== top && !/^project(\.private)?\.config\.json$/.test(entry.name))
    .map((entry) => (entry.isDirectory() ? `${entry.name}/**` : entry.name));
  return [...beside, ...DEV_ONLY.map((rule) => `${miniprogramRoot}${rule.glob}`)];
}
