import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  packageOf,
  pagesOf,
  readAppJson,
  resolveComponent,
  resolveModule,
  subpackagesOf,
} from '../src/project';

let root: string;
const write = (file: string, text = '') => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-'));
  write(
    'app.json',
    JSON.stringify({
      pages: ['pages/home/index'],
      subPackages: [{ root: '/packages/form/', name: 'form', pages: ['pages/a/index'] }],
      subpackages: [{ root: 'packages/extra', pages: ['index'] }],
    }),
  );
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('app.json', () => {
  it('lists pages of the main package, then of each subpackage under its root', () => {
    expect(pagesOf(readAppJson(root))).toEqual([
      'pages/home/index',
      'packages/form/pages/a/index',
      'packages/extra/index',
    ]);
  });

  it('names subpackages by name, else by root, and puts a file in the package whose root holds it', () => {
    const subpackages = subpackagesOf(readAppJson(root));
    expect(subpackages).toEqual([
      { name: 'form', root: 'packages/form' },
      { name: 'packages/extra', root: 'packages/extra' },
    ]);
    expect(packageOf(subpackages, 'packages/form/pages/a/index.js')).toBe('form');
    expect(packageOf(subpackages, 'packages/formal/index.js')).toBe('main');
    expect(packageOf(subpackages, 'utils/x.js')).toBe('main');
  });

  it('refuses an app.json without pages', () => {
    write('app.json', '{}');
    expect(() => readAppJson(root)).toThrow('"pages" must be a list');
  });
});

describe('resolution', () => {
  beforeEach(() => {
    write('components/card/index.json', '{}');
    write('miniprogram_npm/tdesign-miniprogram/button/button.json', '{}');
    write('packages/form/miniprogram_npm/tdesign-miniprogram/button/button.json', '{}');
    write('utils/format.ts');
    write('utils/index.js');
    write('miniprogram_npm/tslib/index.js');
  });

  it('finds components by relative, root-absolute and npm-style paths, nearest miniprogram_npm first', () => {
    const at = (dir: string) => path.join(root, dir);
    expect(resolveComponent(root, at('pages/home'), '/components/card')).toBe(at('components/card/index'));
    expect(resolveComponent(root, at('pages/home'), '../../components/card/index')).toBe(
      at('components/card/index'),
    );
    expect(resolveComponent(root, at('pages/home'), 'tdesign-miniprogram/button/button')).toBe(
      at('miniprogram_npm/tdesign-miniprogram/button/button'),
    );
    expect(resolveComponent(root, at('packages/form/pages/a'), 'tdesign-miniprogram/button/button')).toBe(
      at('packages/form/miniprogram_npm/tdesign-miniprogram/button/button'),
    );
    expect(resolveComponent(root, at('pages/home'), 'nowhere/x')).toBeUndefined();
  });

  it('finds modules as the runtime does: TypeScript first, then folders with an index, then packages', () => {
    const from = path.join(root, 'pages/home/index.ts');
    expect(resolveModule(root, from, '../../utils/format')).toBe(path.join(root, 'utils/format.ts'));
    expect(resolveModule(root, from, '../../utils/format.js')).toBe(path.join(root, 'utils/format.ts'));
    expect(resolveModule(root, from, '/utils')).toBe(path.join(root, 'utils/index.js'));
    expect(resolveModule(root, from, 'tslib')).toBe(path.join(root, 'miniprogram_npm/tslib/index.js'));
    expect(resolveModule(root, from, './missing')).toBeUndefined();
  });
});
