// `npm run test:e2e`: the real-browser journeys (Debian's Chromium through playwright-core), one
// at a time against one local cloud with the preview, started by the suite itself.
module.exports = {
  rootDir: '../..',
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.[jt]s$': 'babel-jest' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Build scratch (staged function packages) is not source.
  modulePathIgnorePatterns: ['<rootDir>/.build/'],
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  maxWorkers: 1,
  testTimeout: 120000,
};
