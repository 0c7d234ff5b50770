/**
 * What `npm run deploy` and `npm run seed:cloud` would do, worked out from the repository alone:
 * the manifest, each function folder's config.json, package.json and built files, the seed data.
 * Pure apart from reading files (and asking git which commit is checked out): no network.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SEED } from '../../cloudbase/seed';
import { FUNCTION_NODE_VERSION, lazyChunks, listFunctions, type CloudFunction } from '../build/functions';
import { CLOUDFUNCTIONS_DIR, ROOT, relativeToRoot } from '../build/paths';
import { loadManifest, type Manifest } from '@cdr/local-cloud/src/manifest';
import { CLOUD_CREDENTIALS, checkEnv, FUNCTION_VARIABLES, type EnvReport } from './env';

/** A plan that cannot be carried out as written; the message is for the developer as is. */
export class PlanError extends Error {
  override name = 'PlanError';
}

export const CLOUDBASERC = path.join(ROOT, 'cloudbaserc.json');
export const MANIFEST = path.join(ROOT, 'cloudbase', 'manifest.json');

/** The only rules a collection may have: the mini program reaches data only through functions. */
export const SERVER_ONLY_RULES = { read: false, write: false } as const;
/** CloudBase's name for the runtime the build bundles for; fixed when a function is created. */
export const FUNCTION_RUNTIME = `Nodejs${FUNCTION_NODE_VERSION}`;
export const FUNCTION_HANDLER = 'index.main';
/**
 * A function deploys its bundle and its two hand-written manifests, and the parts its bundle loads
 * on first use (`lazy.<chunk>.js`, tools/build/functions.ts); sources and maps stay home.
 */
export const DEPLOYED_FILES = ['index.js', 'package.json', 'config.json'] as const;
/** The platform's defaults when config.json leaves a setting out. */
const DEFAULT_TIMEOUT_SECONDS = 3;
const DEFAULT_MEMORY_MB = 256;
const MEMORY_STEP_MB = 64;
/** CloudBase timer triggers use 7-field cron: second minute hour day month weekday year. */
const CRON_FIELDS = 7;

const ENV_REFERENCE = /^\{\{env\.([A-Za-z_][A-Za-z0-9_]*)\}\}$/;

// ---------------------------------------------------------------------------------------------
// cloudbaserc.json: the one place that names the environment (through an environment variable)

export interface CloudbaseRc {
  /** The environment variable that holds the environment ID, from `"envId": "{{env.NAME}}"`. */
  envIdVariable: string;
  region: string;
}

const cloudbasercSchema = z.looseObject({
  envId: z.string(),
  region: z.string().min(1),
  functionRoot: z.string().min(1),
});

export function readCloudbaserc(file: string = CLOUDBASERC): CloudbaseRc {
  const rc = cloudbasercSchema.safeParse(readJson(file));
  if (!rc.success) {
    const issue = rc.error.issues[0];
    throw new PlanError(`${relativeToRoot(file)}: ${issue?.path.join('.')} ${issue?.message}`);
  }
  const reference = ENV_REFERENCE.exec(rc.data.envId);
  if (!reference?.[1]) {
    throw new PlanError(
      `${relativeToRoot(file)}: "envId" 必须写成 "{{env.TCB_ENV_ID}}"，环境 ID 只从环境变量读取，不提交到仓库。` +
        ` / "envId" must be "{{env.TCB_ENV_ID}}": the environment ID comes from the environment only.`,
    );
  }
  if (path.resolve(path.dirname(file), rc.data.functionRoot) !== CLOUDFUNCTIONS_DIR) {
    throw new PlanError(`${relativeToRoot(file)}: "functionRoot" must point to cloudfunctions/`);
  }
  return { envIdVariable: reference[1], region: rc.data.region };
}

// ---------------------------------------------------------------------------------------------
// The manifest: collections, indexes, rules

export type CollectionPlan = Manifest['collections'][number];

/**
 * Loads the manifest, refusing any collection whose rules are not server-only before anything
 * else is checked: a readable collection would expose enquiries' personal data to every client.
 */
export function loadServerOnlyManifest(file: string = MANIFEST): Manifest {
  const raw = readJson(file) as { collections?: unknown };
  if (Array.isArray(raw.collections)) {
    for (const collection of raw.collections as { name?: unknown; rules?: unknown }[]) {
      if (!isServerOnly(collection.rules)) {
        throw new PlanError(
          `集合 ${String(collection.name)} 的安全规则是 ${JSON.stringify(collection.rules)}，` +
            `只允许仅服务端读写 ${JSON.stringify(SERVER_ONLY_RULES)}（小程序只通过云函数访问数据），拒绝部署。\n` +
            `Collection ${String(collection.name)} has rules ${JSON.stringify(collection.rules)}; only server-only ` +
            `${JSON.stringify(SERVER_ONLY_RULES)} is allowed. Refusing to deploy.`,
        );
      }
    }
  }
  try {
    return loadManifest(file);
  } catch (error) {
    throw new PlanError((error as Error).message);
  }
}

function isServerOnly(rules: unknown): boolean {
  if (typeof rules !== 'object' || rules === null) return false;
  const keys = Object.keys(rules).sort();
  const { read, write } = rules as { read?: unknown; write?: unknown };
  return keys.join(',') === 'read,write' && read === false && write === false;
}

// ---------------------------------------------------------------------------------------------
// Cloud storage: one security rule for the whole bucket

/**
 * The only storage folders a client may touch: staff pick covers, PDFs and the profile's images
 * in the mini program, upload them with `wx.cloud.uploadFile` and see them in the editors. Everything else, above all
 * `exports/` (enquiry CSVs with personal data, written by `admin`), is for functions only: the
 * public reaches files through links the functions hand out.
 */
export const CLIENT_STORAGE_FOLDERS = ['news-covers', 'opportunity-files', 'profile-files'] as const;

/** A CloudBase storage security rule: an expression each for client reads and client writes. */
export interface StorageRule {
  read: string;
  write: string;
}

/**
 * Clients read only inside the folders above and write (upload, replace, delete) only their own
 * files there. CloudBase's rule language compares a regular expression's `test` to `true`
 * explicitly; functions and the console are never bound by the rule.
 */
export function storageRule(folders: readonly string[] = CLIENT_STORAGE_FOLDERS): StorageRule {
  const inClientFolder = `/^(${folders.join('|')})\\//.test(resource.path) == true`;
  return { read: inClientFolder, write: `${inClientFolder} && resource.openid == auth.openid` };
}

// ---------------------------------------------------------------------------------------------
// Functions

export interface TriggerPlan {
  name: string;
  type: 'timer';
  /** 7-field cron, Beijing time. */
  config: string;
}

export interface PlannedFile {
  /** Relative to the function folder (functions) or the mini program root (uploads). */
  path: string;
  bytes: number;
}

export interface FunctionPlan {
  name: string;
  /** Repository-relative folder. */
  dir: string;
  description?: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  /** As written in config.json: the local cloud's values. */
  envVariables: Record<string, string>;
  /** Keys of `envVariables` whose deployed value comes from the same-named deployment variable. */
  fromEnvironment: string[];
  triggers: TriggerPlan[];
  /** WeChat open APIs the function calls (`permissions.openapi`). */
  openapi: string[];
  /**
   * Variables the deployment adds to the function's environment beyond config.json, by name, each
   * from the same-named deployment variable: `MINIPROGRAM_STATE` for a function that sends
   * subscription messages (the version a tapped message opens).
   */
  deploymentVariables: string[];
  files: PlannedFile[];
  bytes: number;
}

const functionConfigSchema = z.strictObject({
  timeout: z.number().int().min(1).max(900).default(DEFAULT_TIMEOUT_SECONDS),
  memorySize: z
    .number()
    .int()
    .min(MEMORY_STEP_MB)
    .max(3072)
    .refine((mb) => mb % MEMORY_STEP_MB === 0, { message: `must be a multiple of ${MEMORY_STEP_MB}` })
    .default(DEFAULT_MEMORY_MB),
  envVariables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).default({}),
  triggers: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/),
        type: z.literal('timer'),
        config: z.string().refine((cron) => cron.trim().split(/\s+/).length === CRON_FIELDS, {
          message: `must be a ${CRON_FIELDS}-field cron expression`,
        }),
      }),
    )
    .default([])
    .refine((triggers) => new Set(triggers.map((t) => t.name)).size === triggers.length, {
      message: 'trigger names must be unique',
    }),
  permissions: z.strictObject({ openapi: z.array(z.string().min(1)).default([]) }).default({ openapi: [] }),
});

/** The open API whose messages name the mini program version they open (`miniprogramState`). */
const SUBSCRIBE_SEND = 'subscribeMessage.send';

const packageSchema = z.looseObject({ main: z.literal('index.js'), description: z.string().optional() });

export function planFunction(fn: CloudFunction): FunctionPlan {
  const where = relativeToRoot(fn.dir);
  const config = parseJsonFile(functionConfigSchema, path.join(fn.dir, 'config.json'));
  const manifest = parseJsonFile(packageSchema, path.join(fn.dir, 'package.json'));
  const files = [...DEPLOYED_FILES, ...lazyChunks(fn.dir)].map((name) => {
    const file = path.join(fn.dir, name);
    if (!fs.existsSync(file)) throw new PlanError(`${where}/${name} is missing: run \`npm run build\``);
    return { path: name, bytes: fs.statSync(file).size };
  });
  const perEnvironment: readonly string[] = FUNCTION_VARIABLES;
  const fromEnvironment = Object.keys(config.envVariables).filter((key) => perEnvironment.includes(key));
  return {
    name: fn.name,
    dir: where,
    description: manifest.description,
    runtime: FUNCTION_RUNTIME,
    handler: FUNCTION_HANDLER,
    timeout: config.timeout,
    memorySize: config.memorySize,
    envVariables: config.envVariables,
    fromEnvironment,
    triggers: config.triggers,
    openapi: config.permissions.openapi,
    deploymentVariables: config.permissions.openapi.includes(SUBSCRIBE_SEND) ? ['MINIPROGRAM_STATE'] : [],
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
  };
}

/**
 * The function's environment variables as deployed: per-environment ones and the deployment's own
 * taken from `values` (where a defaulted variable already holds its default).
 */
export function resolveEnvVariables(
  fn: FunctionPlan,
  values: Record<string, string>,
): Record<string, string> {
  const fromValues = (key: string) => {
    const deployed = values[key];
    if (deployed === undefined) throw new PlanError(`${fn.name}: ${key} must be set in the environment`);
    return deployed;
  };
  return {
    ...Object.fromEntries(
      Object.entries(fn.envVariables).map(([key, value]) => [
        key,
        fn.fromEnvironment.includes(key) ? fromValues(key) : value,
      ]),
    ),
    ...Object.fromEntries(fn.deploymentVariables.map((key) => [key, fromValues(key)])),
  };
}

// ---------------------------------------------------------------------------------------------
// The deploy plan

export interface SourceInfo {
  /** The commit checked out, for rolling back to it later; absent outside a git checkout. */
  commit?: string;
  /** Deployable files changed since that commit: a rollback to the commit would not restore them. */
  uncommitted: string[];
}

export interface DeployPlan {
  envIdVariable: string;
  envId?: string;
  region: string;
  /** False with `--only`: a function rollback leaves the database alone. */
  includesDatabase: boolean;
  functions: FunctionPlan[];
  collections: CollectionPlan[];
  /** Set with the database (not with `--only`). */
  storageRule?: StorageRule;
  /** The credentials and per-environment variables a real deploy needs; in a dry run, only reported. */
  env: EnvReport;
  source: SourceInfo;
}

export interface DeployPlanOptions {
  env?: NodeJS.ProcessEnv;
  /** Deploy only these functions (and skip the database). */
  only?: string[];
  functions?: CloudFunction[];
  manifestPath?: string;
  cloudbasercPath?: string;
}

export function planDeploy(options: DeployPlanOptions = {}): DeployPlan {
  const rc = readCloudbaserc(options.cloudbasercPath);
  const manifest = loadServerOnlyManifest(options.manifestPath);
  const available = options.functions ?? listFunctions();
  const only = options.only ?? [];
  const unknown = only.filter((name) => !available.some((fn) => fn.name === name));
  if (unknown.length > 0) {
    throw new PlanError(
      `没有这个云函数 / no such function: ${unknown.join(', ')}; ` +
        `可选 / available: ${available.map((fn) => fn.name).join(', ')}`,
    );
  }
  const functions = available.filter((fn) => only.length === 0 || only.includes(fn.name)).map(planFunction);
  const includesDatabase = only.length === 0;
  const env = checkEnv(
    [
      rc.envIdVariable,
      ...CLOUD_CREDENTIALS,
      ...functions.flatMap((fn) => [...fn.fromEnvironment, ...fn.deploymentVariables]),
    ],
    options.env,
  );
  return {
    envIdVariable: rc.envIdVariable,
    envId: env.values[rc.envIdVariable],
    region: rc.region,
    includesDatabase,
    functions,
    collections: includesDatabase ? manifest.collections : [],
    storageRule: includesDatabase ? storageRule() : undefined,
    env,
    source: sourceInfo(['cloudfunctions', 'cloudbase']),
  };
}

function sourceInfo(paths: string[]): SourceInfo {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const commit = git('rev-parse', '--short', 'HEAD').trim();
    const uncommitted = git('status', '--porcelain', '--', ...paths)
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    return { commit, uncommitted };
  } catch {
    // Not a git checkout (an exported tarball, say): nothing to record for rollbacks.
    return { uncommitted: [] };
  }
}

// ---------------------------------------------------------------------------------------------
// The seed plan

export interface SeedPlan {
  envIdVariable: string;
  envId?: string;
  collections: { name: string; documents: { _id: string; label: string }[] }[];
  env: EnvReport;
}

export interface SeedPlanOptions {
  env?: NodeJS.ProcessEnv;
  seed?: Record<string, { _id: string }[]>;
  manifestPath?: string;
  cloudbasercPath?: string;
}

export function planSeed(options: SeedPlanOptions = {}): SeedPlan {
  const rc = readCloudbaserc(options.cloudbasercPath);
  const manifest = loadServerOnlyManifest(options.manifestPath);
  const seed: Record<string, { _id: string }[]> = options.seed ?? { ...SEED };
  const declared = new Set(manifest.collections.map((collection) => collection.name));
  const undeclared = Object.keys(seed).filter((name) => !declared.has(name));
  if (undeclared.length > 0) {
    throw new PlanError(`seed collections missing from the manifest: ${undeclared.join(', ')}`);
  }
  const env = checkEnv([rc.envIdVariable, ...CLOUD_CREDENTIALS], options.env);
  return {
    envIdVariable: rc.envIdVariable,
    envId: env.values[rc.envIdVariable],
    collections: Object.entries(seed).map(([name, documents]) => ({
      name,
      documents: documents.map((doc) => ({ _id: doc._id, label: labelOf(doc) })),
    })),
    env,
  };
}

function labelOf(doc: { _id: string }): string {
  const { title, name } = doc as { title?: unknown; name?: unknown };
  if (typeof title === 'string') return title;
  if (typeof name === 'string') return name;
  if (typeof name === 'object' && name !== null) {
    const first = Object.values(name).find((value): value is string => typeof value === 'string');
    if (first) return first;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------

export function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PlanError(`${relativeToRoot(file)}: ${(error as Error).message}`);
  }
}

/** Reads a JSON file and checks it against `schema`; the first problem becomes a PlanError. */
export function parseJsonFile<T extends z.ZodType>(schema: T, file: string): z.output<T> {
  const parsed = schema.safeParse(readJson(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new PlanError(`${relativeToRoot(file)}${at}: ${issue?.message}`);
  }
  return parsed.data;
}
