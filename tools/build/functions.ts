import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build as esbuild, version as esbuildVersion, type BuildOptions, type Plugin } from 'esbuild';
import { CLOUDFUNCTIONS_DIR, PACKAGE_LOCK, ROOT, relativeToRoot } from './paths';
import { isFresh, recipeOf, writeFileAtomic, writeStamp } from './stamp';
import { BuildError, type TargetResult } from './types';

/** A cloud function folder: `cloudfunctions/<name>/` with its entry at `src/index.ts`. */
export interface CloudFunction {
  name: string;
  dir: string;
  entry: string;
  outfile: string;
}

/** Folders starting with this hold code shared between functions, bundled into each one. */
const SHARED_FOLDER_PREFIX = '_';
/** Written by hand and committed: the platform deploys the folder with them as they are. */
const MANIFESTS = ['package.json', 'config.json'] as const;
const BYTES_PER_KB = 1024;
/**
 * The Node.js version functions run on in the cloud (CloudBase runtime `Nodejs20.19`): the deploy
 * plans it, the bundle targets it and CI loads every bundle under exactly this Node binary.
 */
export const FUNCTION_NODE_VERSION = '20.19';

export function listFunctions(): CloudFunction[] {
  if (!fs.existsSync(CLOUDFUNCTIONS_DIR)) return [];
  return fs
    .readdirSync(CLOUDFUNCTIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith(SHARED_FOLDER_PREFIX))
    .map((entry) => {
      const dir = path.join(CLOUDFUNCTIONS_DIR, entry.name);
      return {
        name: entry.name,
        dir,
        entry: path.join(dir, 'src', 'index.ts'),
        outfile: path.join(dir, 'index.js'),
      };
    })
    .filter((fn) => fs.existsSync(fn.entry))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function buildFunctions(force: boolean): Promise<TargetResult[]> {
  const functions = listFunctions();
  functions.forEach(checkManifests);
  return Promise.all(functions.map((fn) => buildFunction(fn, force)));
}

async function buildFunction(fn: CloudFunction, force: boolean): Promise<TargetResult> {
  const target = relativeToRoot(fn.dir);
  const recipe = recipeOf(__filename, esbuildVersion);
  if (!force && isFresh(target, recipe)) return { target, built: false };

  const started = Date.now();
  const { sources, outputs } = await bundle(fn.entry, fn.outfile);
  // A source saved while esbuild ran may not be in the bundle: leave it unstamped so the next run rebuilds.
  const changedMeanwhile = sources.some((source) => fs.statSync(path.join(ROOT, source)).mtimeMs >= started);
  // npm packages are covered by the lockfile: hashing hundreds of their files would slow every run.
  if (!changedMeanwhile) writeStamp(target, recipe, [relativeToRoot(PACKAGE_LOCK), ...sources, ...outputs]);
  const kilobytes = Math.ceil(fs.statSync(fn.outfile).size / BYTES_PER_KB);
  return {
    target,
    built: true,
    summary: `${relativeToRoot(fn.outfile)} (${kilobytes} KB)`,
    ms: Date.now() - started,
  };
}

/**
 * SDK dependencies no function calls, bundled as a stub that throws when touched
 * (tools/build/sdk-part-left-out.ts). node-sdk requires them when it loads (the functions' cold
 * start pays to parse and run them) but reaches them only through features the functions never
 * use: `app.ai()` (`@cloudbase/ai`, `@cloudbase/app`, a web-streams polyfill) and data models and
 * MySQL (`app.models`, `app.mysql()`, `app.rdb()`: `@cloudbase/wx-cloud-client-sdk`; node-sdk's
 * `init` tries to set up `models` and carries on without). Every action of every function runs from
 * the built bundles in test/functions.
 */
export const SDK_PARTS_LEFT_OUT = [
  '@cloudbase/ai',
  '@cloudbase/app',
  'web-streams-polyfill',
  '@cloudbase/wx-cloud-client-sdk',
] as const;
const SDK_PART_STUB = path.join(__dirname, 'sdk-part-left-out.ts');
const NODE_SDK_DIR = path.dirname(createRequire(__filename).resolve('@cloudbase/node-sdk/package.json'));

/**
 * Modules the functions load only in the actions that use them (`await import(…)`), each bundled as
 * a file of its own beside index.js (`lazy.<chunk>.js`): a fresh instance parses every byte of
 * index.js before its first call, and these are large (the TMT SDK with its HTTP stack about
 * 350 KB, markdown-it about 150 KB), so leaving them in index.js, even unevaluated, costs every
 * cold start (bench/cold-start.ts). esbuild splits no CommonJS output, hence one build per chunk.
 * A chunk holds its own copy of what it imports, which is safe for pure code (no state shared with
 * index.js); what it must share is named in `shared`.
 */
interface LazyModule {
  chunk: string;
  specifier: RegExp;
  entry: string;
  /**
   * Packages the chunk takes from index.js instead of bundling a copy: one SDK per function (its
   * state and its requests, which the local cloud's conformance suite drives), and no second parse
   * of what index.js already holds. Such a chunk exports a factory that index.js calls on first use
   * with its own copies (`SHARED_HOST` below).
   */
  shared?: readonly string[];
}

const LAZY_MODULES: readonly LazyModule[] = [
  {
    chunk: 'markdown',
    specifier: /\/_shared\/markdown$/,
    entry: path.join(CLOUDFUNCTIONS_DIR, '_shared', 'markdown', 'index.ts'),
  },
  {
    chunk: 'tmt',
    specifier: /^tencentcloud-sdk-nodejs-tmt$/,
    entry: createRequire(__filename).resolve('tencentcloud-sdk-nodejs-tmt'),
  },
  {
    chunk: 'xlsx',
    specifier: /^write-excel-file\/node$/,
    entry: createRequire(__filename).resolve('write-excel-file/node'),
  },
  {
    // The WeChat open-API route (cloudfunctions/_shared/wechat.ts): 170 KB with protobufjs and
    // json-bigint, which only the actions that send or check something reach.
    chunk: 'wx',
    specifier: /^wx-server-sdk$/,
    entry: createRequire(__filename).resolve('wx-server-sdk'),
    shared: ['@cloudbase/node-sdk', 'mime-db'],
  },
];
/** A lazily loaded part of a function, deployed with it. */
export const LAZY_CHUNK = /^lazy\.[a-z-]+\.js$/;
const chunkFile = (chunk: string) => `lazy.${chunk}.js`;

/** The lazily loaded parts a built function folder holds, by file name. */
export function lazyChunks(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => LAZY_CHUNK.test(file))
    .sort();
}

/** Virtual modules of the lazy-chunk plugins: index.js's side and the chunk's side of `shared`. */
const SHARED_HOST = 'lazy-shared-host';
const SHARED_CHUNK = 'lazy-shared-chunk';
const CHUNK_FILE_IMPORT = /^\.\/lazy\.[a-z-]+\.js$/;
const exactly = (names: readonly string[]) =>
  new RegExp(`^(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);

/**
 * A dynamic import of a lazy module becomes a `require` of its chunk file, resolved at run time;
 * for a chunk with `shared` packages, a call of its factory with index.js's own copies of them.
 */
const lazyImports: Plugin = {
  name: 'lazy-chunks',
  setup(build) {
    for (const { chunk, specifier, shared } of LAZY_MODULES) {
      build.onResolve({ filter: specifier }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        return shared
          ? { path: chunk, namespace: SHARED_HOST }
          : { path: `./${chunkFile(chunk)}`, external: true };
      });
    }
    build.onResolve({ filter: CHUNK_FILE_IMPORT, namespace: SHARED_HOST }, (args) => ({
      path: args.path,
      external: true,
    }));
    build.onLoad({ filter: /.*/, namespace: SHARED_HOST }, (args) => {
      const shared = LAZY_MODULES.find(({ chunk }) => chunk === args.path)?.shared ?? [];
      const copies = shared.map((name) => `${JSON.stringify(name)}: require(${JSON.stringify(name)})`);
      return {
        contents: `module.exports = require('./${chunkFile(args.path)}')({ ${copies.join(', ')} });`,
        // Resolved as index.js's own imports are, so each is the very module index.js holds.
        resolveDir: ROOT,
        loader: 'js',
      };
    });
  },
};

/**
 * The chunk's side of `shared`: its entry is a factory that stores the copies it is given, then
 * loads the module, whose imports of the shared packages read those copies. esbuild evaluates a
 * bundled CommonJS module on its first `require`, so nothing reads them before they are stored.
 */
function sharedChunkPlugin(entry: string, shared: readonly string[]): Plugin {
  return {
    name: 'lazy-chunk-shared',
    setup(build) {
      build.onResolve({ filter: /^(factory|copies)$/, namespace: SHARED_CHUNK }, (args) => ({
        path: args.path,
        namespace: SHARED_CHUNK,
      }));
      build.onResolve({ filter: /^lazy-chunk-factory$/ }, () => ({
        path: 'factory',
        namespace: SHARED_CHUNK,
      }));
      build.onResolve({ filter: exactly(shared) }, (args) => ({ path: args.path, namespace: SHARED_CHUNK }));
      build.onLoad({ filter: /.*/, namespace: SHARED_CHUNK }, (args) => {
        const contents =
          args.path === 'factory'
            ? `const copies = require('copies');
               module.exports = (given) => { Object.assign(copies, given); return require(${JSON.stringify(entry)}); };`
            : args.path === 'copies'
              ? 'module.exports = {};'
              : `module.exports = require('copies')[${JSON.stringify(args.path)}];`;
        return { contents, resolveDir: ROOT, loader: 'js' };
      });
    },
  };
}

/** How a lazy module's chunk is built: the functions' recipe, with its `shared` packages left to index.js. */
function chunkOptions({ entry, shared }: LazyModule, outfile: string): BuildOptions {
  const options = bundleOptions(entry, outfile);
  if (!shared) return options;
  return {
    ...options,
    entryPoints: ['lazy-chunk-factory'],
    alias: Object.fromEntries(Object.entries(options.alias ?? {}).filter(([name]) => !shared.includes(name))),
    plugins: [sharedChunkPlugin(entry, shared), ...(options.plugins ?? [])],
  };
}

/**
 * The one recipe for a deployable function: everything bundled, npm packages included, so the
 * folder runs on the platform's Node 20.19 without `npm install`. @cloudbase/node-sdk bundles as is:
 * it has no native modules, dynamic requires or optional dependencies to leave out.
 */
export function bundleOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: `node${FUNCTION_NODE_VERSION}`,
    format: 'cjs',
    alias: {
      ...Object.fromEntries(SDK_PARTS_LEFT_OUT.map((name) => [name, SDK_PART_STUB])),
      // wx-server-sdk pins its own copy of @cloudbase/node-sdk (3.17.2 beside our 3.18.3): one SDK
      // per bundle, the one the local cloud's conformance suite drives.
      '@cloudbase/node-sdk': NODE_SDK_DIR,
    },
    // A fresh instance parses every byte before its first call: minified, the SDK alone loads in
    // about half the time (bench/cold-start.ts). Names stay, so errors and logs still read.
    minify: true,
    keepNames: true,
    // A linked map without sources keeps stack traces readable (node --enable-source-maps) at a
    // fraction of the size.
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [lazyImports],
    // A chunk is CommonJS: `require` it (through esbuild's interop) rather than Node's `import()`,
    // whose named exports of a CommonJS file are only those its lexer can guess.
    supported: { 'dynamic-import': false },
  };
}

/**
 * Bundles `entry` into `outfile` (and its map), replacing each output atomically. Answers the
 * repository-relative paths of the project sources it read and of the files it wrote.
 */
export async function bundle(
  entry: string,
  outfile: string,
): Promise<{ sources: string[]; outputs: string[] }> {
  const result = await esbuild(bundleOptions(entry, outfile)).catch(() => {
    // esbuild has already printed each error with its location.
    throw new BuildError(`${relativeToRoot(entry)}: bundling failed (errors above)`);
  });
  const dir = path.dirname(outfile);
  const wanted = new Set(
    Object.values(result.metafile?.outputs ?? {}).flatMap((output) =>
      output.imports.filter((imported) => imported.external).map((imported) => imported.path.slice(2)),
    ),
  );
  const chunks = await Promise.all(
    LAZY_MODULES.filter(({ chunk }) => wanted.has(chunkFile(chunk))).map((lazy) =>
      esbuild(chunkOptions(lazy, path.join(dir, chunkFile(lazy.chunk)))).catch(() => {
        throw new BuildError(
          `${relativeToRoot(outfile)}: bundling its ${lazy.chunk} chunk failed (errors above)`,
        );
      }),
    ),
  );
  const results = [result, ...chunks];
  const written = results.flatMap((built) => built.outputFiles ?? []);
  for (const file of written) writeFileAtomic(file.path, file.contents);
  // A chunk the function no longer imports must not be deployed with it.
  for (const stale of lazyChunks(dir).filter((file) => !wanted.has(file))) {
    for (const file of [stale, `${stale}.map`]) fs.rmSync(path.join(dir, file), { force: true });
  }
  // The plugins' virtual modules (`namespace:path`) are no files.
  const virtual = new RegExp(`^(${SHARED_HOST}|${SHARED_CHUNK}):`);
  const sources = results
    .flatMap((built) => Object.keys(built.metafile?.inputs ?? {}))
    .filter(
      (input, i, all) =>
        !input.split('/').includes('node_modules') && !virtual.test(input) && all.indexOf(input) === i,
    );
  return { sources, outputs: written.map((file) => relativeToRoot(file.path)) };
}

function checkManifests(fn: CloudFunction): void {
  for (const name of MANIFESTS) {
    const file = path.join(fn.dir, name);
    const where = relativeToRoot(file);
    if (!fs.existsSync(file)) {
      throw new BuildError(`${where} is missing: every cloud function needs a hand-written ${name}`);
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new BuildError(`${where} is not valid JSON: ${(error as Error).message}`);
    }
    if (name === 'package.json' && (manifest as { main?: unknown }).main !== 'index.js') {
      throw new BuildError(`${where} must say "main": "index.js", the file the build writes`);
    }
  }
}
