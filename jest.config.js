/** Jest runs in native ESM mode (see the `test` script); @swc/jest strips types without type-checking, `npm run typecheck` does that. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 30000,
  // Two workers on CI's two cores: most suites wait on DynamoDB Local and the mail stand-ins, not on the CPU
  // (jest's default, cores − 1, would run one suite at a time).
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
};
