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
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/miniprogram/', '<rootDir>/test/e2e/'],
    },
  ],
};
