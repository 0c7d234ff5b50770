import fs from 'node:fs';
import { BASELINE, compare, findings, type Baseline } from '../../tools/ci/code-quality';

describe('CI code-quality check', () => {
  const checks = [
    { name: 'WXML_COMPRESS_OPEN', success: false, text: 'WXML compression is not turned on' },
    { name: 'JS_COMPRESS_OPEN', success: true },
  ];
  const analysis = {
    files: [
      { path: 'pages/home/index.wxml', moduleId: 'Wxml:pages/home/index.wxml' },
      { path: 'pages/old/index.wxml', moduleId: null },
      // Spare files of packed npm packages are cut at upload, not ours to fix.
      { path: 'miniprogram_npm/tdesign-miniprogram/avatar/avatar.wxml', moduleId: null },
    ],
    modules: [
      { id: 'Page:pages/home/index.json', errors: [] },
      { id: 'Component:components/gone/index.json', errors: [{ message: 'not found' }] },
    ],
  };

  it('turns failed checks, unused files of ours and unresolved modules into findings', () => {
    expect(findings(checks, analysis)).toEqual([
      'check:WXML_COMPRESS_OPEN',
      'unresolved:Component:components/gone/index.json',
      'unused:pages/old/index.wxml',
    ]);
  });

  it('fails on a finding the baseline does not accept and notes accepted ones that are gone', () => {
    const baseline: Baseline = {
      accepted: { 'unused:pages/old/index.wxml': 'kept for a test', 'unused:gone.json': 'fixed since' },
    };
    expect(compare(findings(checks, analysis), baseline)).toEqual({
      regressions: ['check:WXML_COMPRESS_OPEN', 'unresolved:Component:components/gone/index.json'],
      resolved: ['unused:gone.json'],
    });
  });

  it('gives a reason for every accepted finding and accepts no failed quality check', () => {
    const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Baseline;
    for (const [key, reason] of Object.entries(baseline.accepted)) {
      expect(key).toMatch(/^(unused|unresolved):/);
      expect(reason.length).toBeGreaterThan(20);
    }
  });
});
