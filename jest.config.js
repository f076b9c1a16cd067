// One jest run for every package's tests and the cross-package tests in test/.
// TypeScript is compiled by swc as native ES modules (node --experimental-vm-modules).
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  // A real Neo4j for the store tests: NEO4J_URI, else tools/neo4j-local started on a free port.
  globalSetup: '<rootDir>/test/setup/neo4j-global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/neo4j-global-teardown.mjs',
  roots: ['<rootDir>/packages', '<rootDir>/test'],
  testMatch: ['**/test/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@kolmap/core$': '<rootDir>/packages/core/src/index.ts',
    '^@kolmap/demo$': '<rootDir>/packages/demo/src/index.ts',
    '^@kolmap/model$': '<rootDir>/packages/model/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
      },
    ],
  },
  testTimeout: 60000,
};
