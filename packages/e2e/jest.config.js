module.exports = {
  ...require('../../jest.preset.js'),
  roots: ['<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  testTimeout: 120000,
};
