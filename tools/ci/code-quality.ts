/**
 * CI code-quality check of the mini program with miniprogram-ci's offline analyses (no AppID key or
 * network needed): `checkCodeQuality` (the checks of DevTools' 代码质量 panel: compression, lazy
 * code loading, package size, unused code …) and `analyseCode` (the dependency graph: files
 * nothing uses, modules that do not resolve). Fails on any finding not in the committed baseline.
 *
 *   npx tsx tools/ci/code-quality.ts          check (after `npm run build`, which packs npm)
 *   npx tsx tools/ci/code-quality.ts --list   print every finding, baseline or not
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../build/paths';

export const BASELINE = path.join(__dirname, 'quality-baseline.json');

/** Accepted findings, each with why it is accepted; any other finding fails CI. */
export interface Baseline {
  accepted: Record<string, string>;
}

export interface QualityCheck {
  name?: string;
  success?: boolean;
  text?: string;
}

interface AnalysedFile {
  path: string;
  moduleId?: string | null;
}

interface AnalysedModule {
  id: string;
  errors?: unknown[];
  buildError?: unknown;
}

export interface Analysis {
  files: AnalysedFile[];
  modules: AnalysedModule[];
}

/** npm packages are cut to what pages use at upload (`ignoreUploadUnusedFiles`); their spare files are not ours. */
const PACKED_NPM = 'miniprogram_npm/';

/**
 * Every finding as a stable key: `check:<NAME>` for a failed quality check, `unused:<path>` for a
 * file of ours nothing depends on, `unresolved:<module>` for a module that does not build.
 */
export function findings(checks: QualityCheck[], analysis: Analysis): string[] {
  const keys = [
    ...checks.filter((check) => check.success === false).map((check) => `check:${check.name ?? check.text}`),
    ...analysis.files
      .filter((file) => !file.moduleId && !file.path.startsWith(PACKED_NPM))
      .map((file) => `unused:${file.path}`),
    ...analysis.modules
      .filter((module) => (module.errors?.length ?? 0) > 0 || Boolean(module.buildError))
      .map((module) => `unresolved:${module.id}`),
  ];
  return [...new Set(keys)].sort();
}

/** Findings the baseline does not accept (they fail CI), and accepted ones no longer found. */
export function compare(found: string[], baseline: Baseline): { regressions: string[]; resolved: string[] } {
  return {
    regressions: found.filter((key) => !(key in baseline.accepted)),
    resolved: Object.keys(baseline.accepted).filter((key) => !found.includes(key)),
  };
}

async function analyse(): Promise<{ checks: QualityCheck[]; analysis: Analysis }> {
  const ci = await import('miniprogram-ci');
  const project = new ci.Project({
    appid: readProjectAppid(),
    type: 'miniProgram',
    projectPath: ROOT,
    // Both analyses read files only; the constructor insists on a key that nothing here uses.
    privateKey: 'offline-analysis-uses-no-key',
    ignores: ['node_modules/**/*'],
  });
  const checks = await ci.checkCodeQuality(project);
  const analysis = await ci.analyseCode(project, { silent: true });
  if (!analysis) throw new Error('analyseCode answered nothing');
  return { checks, analysis: analysis as unknown as Analysis };
}

function readProjectAppid(): string {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as {
    appid: string;
  };
  return config.appid;
}

async function main(): Promise<number> {
  const { checks, analysis } = await analyse();
  const found = findings(checks, analysis);
  if (process.argv.includes('--list')) {
    console.log(found.join('\n') || '(no findings)');
    return 0;
  }
  const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Baseline;
  const { regressions, resolved } = compare(found, baseline);
  console.log(
    `code-quality: ${checks.length} checks, ${analysis.files.length} files analysed, ` +
      `${found.length} findings (${found.length - regressions.length} accepted in ${path.relative(ROOT, BASELINE)})`,
  );
  for (const key of resolved) console.log(`  · ${key} is fixed: remove it from the baseline`);
  if (regressions.length === 0) return 0;
  console.error('code-quality: new findings (fix them, or accept one in the baseline with a reason):');
  for (const key of regressions) {
    const check = checks.find((item) => `check:${item.name}` === key);
    console.error(`  ✗ ${key}${check?.text ? ` — ${check.text}` : ''}`);
  }
  return 1;
}

if (require.main === module) {
  // Exiting explicitly: miniprogram-ci leaves a file watcher running.
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`code-quality: ${(error as Error)?.stack ?? String(error)}`);
      process.exit(1);
    },
  );
}
