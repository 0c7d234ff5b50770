import fs from 'node:fs';
import path from 'node:path';
import { BuildError, type TargetResult } from './types';
import { BUILD_DIR, MINIPROGRAM_NPM_DIR, PACKAGE_JSON, PACKAGE_LOCK, ROOT, relativeToRoot } from './paths';
import { isFresh, recipeOf, writeStamp } from './stamp';

const TARGET = 'npm';

/**
 * Does what WeChat DevTools' "构建 npm" does: copies every `dependencies` package that ships a
 * mini program build (TDesign's `miniprogram_dist`) into `miniprogram/miniprogram_npm/`.
 */
export async function buildNpm(force: boolean): Promise<TargetResult> {
  const dependencies = readDependencies();
  const recipe = recipeOf(__filename, JSON.stringify(dependencies));
  if (!force && isFresh(TARGET, recipe)) return { target: TARGET, built: false };

  const started = Date.now();
  const packages = await packInto(MINIPROGRAM_NPM_DIR, Object.keys(dependencies).length);
  writeStamp(TARGET, recipe, [relativeToRoot(PACKAGE_LOCK), relativeToRoot(MINIPROGRAM_NPM_DIR)]);
  return {
    target: TARGET,
    built: true,
    summary: `${relativeToRoot(MINIPROGRAM_NPM_DIR)}/ (${packages} package${packages === 1 ? '' : 's'})`,
    ms: Date.now() - started,
  };
}

function readDependencies(): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(PACKAGE_JSON, 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return manifest.dependencies ?? {};
}

/** Packs into a staging folder and swaps it in, so a failed pack leaves the previous build whole. */
async function packInto(destination: string, dependencyCount: number): Promise<number> {
  const staging = path.join(BUILD_DIR, `npm-staging-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    // Loaded only when needed: requiring miniprogram-ci alone takes about a second.
    const { packNpmManually } = await import('miniprogram-ci');
    const result = await packNpmManually({
      packageJsonPath: PACKAGE_JSON,
      miniprogramNpmDistDir: staging,
      ignores: foldersOutsideNodeModules(),
    });
    for (const warning of result.warnList) console.warn(`build: npm: ${warning.msg}`);
    if (dependencyCount > 0 && result.miniProgramPackNum + result.otherNpmPackNum === 0) {
      throw new BuildError('npm: no dependency was packed; is `npm install` done?');
    }
    const packed = path.join(staging, path.basename(destination));
    fs.mkdirSync(packed, { recursive: true });
    swapIn(packed, destination);
    return result.miniProgramPackNum + result.otherNpmPackNum;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * miniprogram-ci treats every package.json outside node_modules as a project root and walks its
 * whole tree; ours is the only one, so the rest of the repository is skipped (and so is the
 * current `miniprogram_npm`, which it would otherwise read while we replace it).
 */
function foldersOutsideNodeModules(): string[] {
  return fs
    .readdirSync(ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
    .map((entry) => `${entry.name}/**`);
}

function swapIn(fresh: string, destination: string): void {
  const previous = `${destination}.old-${process.pid}`;
  if (fs.existsSync(destination)) fs.renameSync(destination, previous);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  fs.renameSync(fresh, destination);
  fs.rmSync(previous, { recursive: true, force: true });
}
