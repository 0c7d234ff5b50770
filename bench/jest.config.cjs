// The page benchmark (`bench/pages.bench.ts`), run by `npm run bench` through jest's API: the
// miniprogram project's settings (jsdom, TDesign from miniprogram_npm, babel), without its shared
// cloud: the benchmark starts a cloud of its own.
const path = require('node:path');
const { projects } = require('../jest.config.js');

const miniprogram = projects.find((project) => project.displayName === 'miniprogram');
if (!miniprogram) throw new Error('jest.config.js has no "miniprogram" project to take settings from');
const { globalSetup: _setup, globalTeardown: _teardown, ...settings } = miniprogram;

module.exports = {
  ...settings,
  displayName: 'bench-pages',
  rootDir: path.resolve(__dirname, '..'),
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
  testTimeout: 300_000,
  // Build scratch (deployment staging) holds package.json files jest would report as name clashes.
  modulePathIgnorePatterns: ['<rootDir>/.build/'],
};
