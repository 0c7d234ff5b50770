// Two jest projects: everything that runs on Node (cloud functions, local cloud, tools)
// and the mini program rendered by miniprogram-simulate under jsdom.
const common = {
  transform: { '^.+\\.[jt]s$': 'babel-jest' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/packages/*/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/miniprogram/', '<rootDir>/test/e2e/'],
    },
    {
      ...common,
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/miniprogram/**/*.test.ts'],
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
