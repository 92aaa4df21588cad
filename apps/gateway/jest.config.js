module.exports = {
  ...require('../../jest.preset.js'),
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '\\.(spec|int-spec)\\.ts$',
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  // Its suites start the gateway with intake and more in one process: under a loaded 2-core CI
  // machine their start-up alone has taken over 30 s.
  testTimeout: 90000,
};
