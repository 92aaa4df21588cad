/* global require */
/* eslint-disable @typescript-eslint/no-require-imports */
// Lets a child process (`fork(file.ts, { execArgv: ['-r', thisFile] })`) run the package's
// TypeScript directly, with the same SWC settings as jest.preset.js (decorators + metadata).
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
