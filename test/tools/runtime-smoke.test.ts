import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listFunctions } from '../../tools/build/functions';
import { asEnvelope, judge, loadAlone, PROBES, RUNTIME_NODE } from '../../tools/ci/runtime-smoke';

const temporaryDirs: string[] = [];
afterAll(() => {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function deployedFolder(indexJs: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-smoke-test-'));
  temporaryDirs.push(dir);
  fs.writeFileSync(path.join(dir, 'index.js'), indexJs);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fixture', main: 'index.js' }));
  fs.writeFileSync(path.join(dir, 'config.json'), '{}');
  return dir;
}

describe('CI runtime smoke step', () => {
  it('has a smoke call for every function folder', () => {
    expect(Object.keys(PROBES).sort()).toEqual(listFunctions().map((fn) => fn.name));
  });

  it('runs bundles under the installed binary of the planned runtime, Node 20.19', () => {
    expect(execFileSync(RUNTIME_NODE, ['--version'], { encoding: 'utf8' })).toMatch(/^v20\.19\.\d+\n$/);
  });

  it('reports a bundle that cannot load under that binary, with its error', async () => {
    const broken = deployedFolder(
      "require('some-package-left-out-of-the-bundle');\nexports.main = () => ({});\n",
    );
    await expect(loadAlone('broken', broken)).resolves.toMatch(/some-package-left-out-of-the-bundle/);
    const noMain = deployedFolder('exports.handler = () => ({});\n');
    await expect(loadAlone('no-main', noMain)).resolves.toMatch(/exports no main/);
    const fine = deployedFolder('exports.main = async () => ({ ok: true, data: {} });\n');
    await expect(loadAlone('fine', fine)).resolves.toBeUndefined();
  });

  it('accepts only the result envelope, and fails on INTERNAL', () => {
    const [ping] = PROBES.ping ?? [];
    if (!ping) throw new Error('no ping probe');
    expect(judge(ping, { ok: true, data: { pong: true } })).toBeUndefined();
    expect(judge(ping, { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } })).toMatch(
      /^INTERNAL/,
    );
    // The platform's answer when a function throws or crashes is not an envelope.
    expect(judge(ping, { errCode: -504002, errMsg: 'functions execute fail' })).toMatch(
      /not the result envelope/,
    );
    expect(judge(ping, null)).toMatch(/not the result envelope/);
    expect(asEnvelope({ ok: false, error: { code: 'FORBIDDEN' } })).toBeUndefined();
  });

  it('expects the scheduler to refuse a client event and to run from its timer', () => {
    const [client, timer] = PROBES.scheduler ?? [];
    if (!client || !timer) throw new Error('the scheduler needs two probes');
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: '没有权限' } };
    expect(judge(client, forbidden)).toBeUndefined();
    expect(judge(client, { ok: true, data: {} })).toMatch(/expected FORBIDDEN/);
    expect(judge(timer, { ok: true, data: {} })).toBeUndefined();
    expect(judge(timer, forbidden)).toMatch(/expected ok, got FORBIDDEN/);
  });
});
