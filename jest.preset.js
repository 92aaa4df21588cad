// Shared Jest preset: TypeScript through SWC (decorators and their metadata kept for NestJS
// and class-validator). Packages extend it from their own jest.config.js.
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2023',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Tests talk to real PostgreSQL and NATS and some spawn processes; on a loaded 2-core machine
  // Jest's 5 s default cut them off (the outbox crash tests did) though nothing was wrong.
  testTimeout: 30000,
};
