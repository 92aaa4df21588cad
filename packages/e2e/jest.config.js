module.exports = {
  ...require('../../jest.preset.js'),
  roots: ['<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  // The browser journeys run on Playwright's runner (playwright.config.ts).
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/web/'],
  testTimeout: 120000,
};
