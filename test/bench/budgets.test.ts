import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  bundleViolations,
  coldStartViolations,
  COLD_START_MAX_RATIO,
  describeViolation,
  LOCAL_DB_MIN_SPEEDUP,
  localDbViolations,
  packageViolations,
} from '../../bench/budgets';
import { packageOf, pairedCpuRatio } from '../../bench/cold-start';
import { largestGroups, measurePackages, type PackageReport } from '../../bench/package-size';
import { listFunctions } from '../../tools/build/functions';

/**
 * The quick package and function-bundle budget checks of `npm test` (page budgets: test/miniprogram/budgets.test.ts),
 * and the dependency walk it rests on, checked against a small mini program of its own.
 */

type Files = Record<string, string>;

function writeTree(root: string, files: Files): void {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
}

const component = (json: object, wxml = '<view/>', wxss = '', ts = 'Component({});') => ({
  json: JSON.stringify({ component: true, ...json }),
  wxml,
  wxss,
  ts,
});

function componentFiles(base: string, parts: ReturnType<typeof component>, script = 'ts'): Files {
  return {
    [`${base}.json`]: parts.json,
    [`${base}.wxml`]: parts.wxml,
    [`${base}.wxss`]: parts.wxss,
    [`${base}.${script}`]: parts.ts,
  };
}

/** An app with one page per package, a shared component, TDesign-style npm code and unused files. */
const APP: Files = {
  'app.json': JSON.stringify({
    pages: ['pages/home/index'],
    subPackages: [{ root: 'packages/forms', name: 'forms', pages: ['pages/form/index'] }],
    sitemapLocation: 'sitemap.json',
  }),
  'app.ts':
    "import { greet } from './utils/greet';\nimport type { Shape } from './types';\nApp({ onLaunch() { greet({} as Shape); } });",
  'app.wxss': "@import '/styles/base.wxss';",
  'sitemap.json': '{"rules":[]}',
  'styles/base.wxss': 'page { color: #000; }',
  'types.ts': 'export interface Shape { n: number }',
  'utils/greet.ts':
    "import type { Shape } from '../types';\nexport function greet(shape: Shape): number { return shape.n; }",
  'utils/unused.ts': 'export const NEVER = 1;',
  'utils/format.wxs': "var inner = require('./inner.wxs');\nmodule.exports = { f: inner.f };",
  'utils/inner.wxs': 'module.exports = { f: function (x) { return x; } };',
  ...componentFiles(
    'pages/home/index',
    component(
      {
        usingComponents: { 't-button': 'tdesign-miniprogram/button/button', card: '/components/card/index' },
      },
      '<wxs src="../../utils/format.wxs" module="fmt" /><t-button /><card />',
    ),
  ),
  ...componentFiles('components/card/index', component({}, '<include src="./part.wxml" />')),
  'components/card/part.wxml': '<view>part</view>',
  ...componentFiles(
    'packages/forms/pages/form/index',
    component({ usingComponents: { card: '../../../../components/card/index' } }),
  ),
  'packages/forms/unused.wxss': '.x {}',
  ...componentFiles(
    'miniprogram_npm/tdesign-miniprogram/button/button',
    component(
      {},
      '<import src="../common/template/icon" />',
      "@import '../common/style.wxss';",
      'import{__decorate}from"tslib";',
    ),
    'js',
  ),
  'miniprogram_npm/tdesign-miniprogram/button/button.d.ts': 'export {};',
  'miniprogram_npm/tdesign-miniprogram/common/template/icon.wxml': '<template name="icon"/>',
  'miniprogram_npm/tdesign-miniprogram/common/style.wxss': '.t {}',
  ...componentFiles('miniprogram_npm/tdesign-miniprogram/rate/rate', component({}), 'js'),
  'miniprogram_npm/tdesign-miniprogram/miniprogram_npm/tslib/index.js': 'exports.__decorate = 1;',
};

describe('package size walk', () => {
  let root: string;
  let report: PackageReport;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-walk-'));
    writeTree(root, APP);
    report = await measurePackages(root);
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const filesOf = (pkg: string) =>
    report.files
      .filter((file) => file.pkg === pkg)
      .map((file) => file.path)
      .sort();

  it('ships what app.json reaches, shared and npm code in the main package, and nothing else', () => {
    expect(filesOf('main')).toEqual(
      [
        'app.json',
        'app.ts',
        'app.wxss',
        'sitemap.json',
        'styles/base.wxss',
        'utils/greet.ts',
        'utils/format.wxs',
        'utils/inner.wxs',
        ...['json', 'wxml', 'wxss', 'ts'].map((ext) => `pages/home/index.${ext}`),
        ...['json', 'wxml', 'wxss', 'ts'].map((ext) => `components/card/index.${ext}`),
        'components/card/part.wxml',
        ...['json', 'wxml', 'wxss', 'js'].map(
          (ext) => `miniprogram_npm/tdesign-miniprogram/button/button.${ext}`,
        ),
        'miniprogram_npm/tdesign-miniprogram/common/template/icon.wxml',
        'miniprogram_npm/tdesign-miniprogram/common/style.wxss',
        'miniprogram_npm/tdesign-miniprogram/miniprogram_npm/tslib/index.js',
      ].sort(),
    );
    expect(filesOf('forms')).toEqual(
      ['json', 'wxml', 'wxss', 'ts'].map((ext) => `packages/forms/pages/form/index.${ext}`).sort(),
    );
    expect(report.unresolved).toEqual([]);
  });

  it('counts TypeScript as the JavaScript that ships, and sums the packages', () => {
    const greet = report.files.find((file) => file.path === 'utils/greet.ts');
    // Types stripped (and minified, as project.config.json asks): smaller than the source.
    expect(greet?.bytes).toBeGreaterThan(0);
    expect(greet?.bytes).toBeLessThan(Buffer.byteLength(APP['utils/greet.ts'] as string));
    const sum = (pkg: string) =>
      report.files.filter((file) => file.pkg === pkg).reduce((total, file) => total + file.bytes, 0);
    expect(report.mainBytes).toBe(sum('main'));
    expect(report.subpackages).toEqual({ forms: sum('forms') });
    expect(report.totalBytes).toBe(sum('main') + sum('forms'));
  });

  it('gives the size of every TDesign runtime file for reference, used or not', () => {
    const runtime = Object.entries(APP).filter(
      ([file]) => file.startsWith('miniprogram_npm/tdesign-miniprogram/') && !file.endsWith('.d.ts'),
    );
    expect(report.tdesignFullBytes).toBe(
      runtime.reduce((total, [, text]) => total + Buffer.byteLength(text), 0),
    );
  });

  it('reports references that lead nowhere', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-walk-broken-'));
    try {
      writeTree(broken, {
        ...APP,
        'pages/home/index.wxss': "@import './missing.wxss';",
        'utils/greet.ts': "import { gone } from './gone';\nexport const greet = gone;",
      });
      const { unresolved } = await measurePackages(broken);
      expect(unresolved).toEqual([
        'pages/home/index.wxss: ./missing.wxss',
        "utils/greet.ts: require('./gone')",
      ]);
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });
  it('reports a package that uses another subpackage’s files', async () => {
    const crossing = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-walk-crossing-'));
    try {
      writeTree(crossing, {
        ...APP,
        ...componentFiles(
          'pages/home/index',
          component({ usingComponents: { form: '/packages/forms/pages/form/index' } }),
        ),
      });
      const { crossPackage } = await measurePackages(crossing);
      expect(crossPackage).toEqual([
        'pages/home/index.json (main) → packages/forms/pages/form/index.json (forms)',
      ]);
    } finally {
      fs.rmSync(crossing, { recursive: true, force: true });
    }
  });
});

describe('package budgets', () => {
  let report: PackageReport;

  beforeAll(async () => {
    report = await measurePackages();
  });

  it('keeps the main package and every subpackage within budget', () => {
    const broken = packageViolations(report).map(describeViolation);
    // When broken, the message names what makes the main package big.
    const largest = broken.length > 0 ? largestGroups(report.files, 'main', 10) : [];
    expect({ broken, largest }).toEqual({ broken: [], largest: [] });
  });

  it('measures an app whose every reference resolves, within one package or from the main one', () => {
    expect(report.unresolved).toEqual([]);
    expect(report.crossPackage).toEqual([]);
  });
});

describe('function bundle budgets', () => {
  it('names npm packages and project folders in a bundle', () => {
    expect(packageOf('node_modules/zod/v4/classic/schemas.js')).toBe('zod');
    expect(packageOf('node_modules/wx-server-sdk/node_modules/@cloudbase/node-sdk/dist/index.js')).toBe(
      '@cloudbase/node-sdk',
    );
    expect(packageOf('cloudfunctions/_shared/function.ts')).toBe('(project) cloudfunctions/_shared');
    expect(packageOf('contract/rules.ts')).toBe('(project) contract');
  });

  it('pairs each round of a function with the same round of the baseline, and takes the median ratio', () => {
    const rounds = (cpu: number[]) => cpu.map((ms) => ({ wall: ms * 3, cpu: ms }));
    // Load doubles the second round's cost on both sides: each round's ratio is still 1.1.
    const baseline = rounds([100, 200, 100]);
    expect(pairedCpuRatio(rounds([110, 220, 110]), baseline)).toBe(1.1);
    // A single slow round moves the median of the ratios no more than one round's worth.
    expect(pairedCpuRatio(rounds([110, 400, 110]), baseline)).toBe(1.1);
    expect(pairedCpuRatio(rounds([130, 260, 100]), baseline)).toBe(1.3);
    expect(() => pairedCpuRatio(rounds([110, 220]), baseline)).toThrow('2 loads to pair with 3');
  });

  it('reports a function whose require costs more CPU than the budget allows, and only that one', () => {
    const cpu = {
      baselineMs: 100,
      perFunction: {
        within: { cpuMs: 118, cpuRatio: COLD_START_MAX_RATIO },
        over: { cpuMs: 125, cpuRatio: 1.25 },
      },
    };
    expect(coldStartViolations(cpu).map(describeViolation)).toEqual([
      `over require (CPU time): 1.25 × (125.0 ms) (budget ≤ ${COLD_START_MAX_RATIO} × SDK alone (100.0 ms))`,
    ]);
  });

  it('reports an indexed local-cloud query that is not enough faster than the scan, and holds at the budget', () => {
    const at = (indexedQueryP95Ms: number) => ({ docs: 100_000, indexedQueryP95Ms, unindexedScanP95Ms: 30 });
    expect(localDbViolations(at(30 / LOCAL_DB_MIN_SPEEDUP))).toEqual([]);
    expect(localDbViolations(at(3.2)).map(describeViolation)).toEqual([
      `localDb indexed query p95 at 100000 documents: 3.2 ms, 9.4 × faster than the scan (30.0 ms) (budget ≥ ${LOCAL_DB_MIN_SPEEDUP} × faster)`,
    ]);
  });

  // The require-time budget (1.2 × the SDK alone) needs many fresh processes: `npm run bench`
  // checks it. Bytes are exact, so every `npm test` checks them on the built bundles.
  it('keeps every deployable function bundle within its byte budget', () => {
    const perFunction = Object.fromEntries(
      listFunctions().map((fn) => [fn.name, { bundleBytes: fs.statSync(fn.outfile).size }]),
    );
    expect(Object.keys(perFunction)).toContain('content');
    expect(bundleViolations({ perFunction }).map(describeViolation)).toEqual([]);
  });
});
