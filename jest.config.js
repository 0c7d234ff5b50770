// Three jest projects, the base of the test pyramid first:
// - unit: pure tests (no local cloud, no miniprogram-simulate, no child process, no network), run
//   alone by `jest --selectProjects unit` in seconds. A test is a unit test when its file is named
//   `*.unit.test.ts` (anywhere under test/ or packages/*/test/) or lives under test/contract/.
// - node: the integration suites that run on Node (cloud functions, local cloud, tools).
// - miniprogram: the mini program rendered by miniprogram-simulate under jsdom.
const common = {
  transform: { '^.+\\.[jt]s$': 'babel-jest' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

const UNIT_TESTS = [
  '<rootDir>/test/**/*.unit.test.ts',
  '<rootDir>/packages/*/test/**/*.unit.test.ts',
  '<rootDir>/test/contract/**/*.test.ts',
];
/** What the integration projects leave to the unit project (regular expressions on the path). */
const NOT_UNIT = ['\\.unit\\.test\\.ts$', '<rootDir>/test/contract/'];

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: UNIT_TESTS,
    },
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/packages/*/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/miniprogram/', '<rootDir>/test/e2e/', ...NOT_UNIT],
    },
    {
      ...common,
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/miniprogram/**/*.test.ts'],
      testPathIgnorePatterns: NOT_UNIT,
      // Bare imports resolve as in the mini program: nearest `miniprogram_npm` first. TDesign's
      // ES modules then load from `miniprogram/miniprogram_npm` (built by `npm run build`, outside
      // node_modules, so babel-jest transforms them) together with the tslib, dayjs, … it ships.
      moduleDirectories: ['miniprogram_npm', 'node_modules'],
      // One local cloud, seeded, serves every page test's real function calls.
      globalSetup: '<rootDir>/test/miniprogram/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/miniprogram/setup/global-teardown.ts',
    },
  ],
};
