/**
 * Jest as `npm run mutate` runs it (StrykerJS, see stryker.config.json): the unit tests of pure code only,
 * which cover domain/, events/ and verifier/ without the local stack, so no global setup (DynamoDB Local).
 * Unit tests of adapters, API wiring, Lambda composition, the CLI, the console and scripts are left out:
 * they test AWS and HTTP glue, reach the domain only through it, and are the slowest files to load.
 */
import base from './jest.config.js';

const { globalSetup: _setup, globalTeardown: _teardown, ...unit } = base;

/** Folders of test/unit/ whose tests are about glue, not about domain/, events/ or verifier/. */
const GLUE = ['adapters', 'api', 'cli', 'console', 'functions', 'scripts'];
/**
 * Single files left out: glue tests in otherwise pure folders (AWS clients mocked), and the adversarial-header
 * timing test, which asserts wall time (meaningless in a starved mutation worker, where it turned every intake
 * mutant into a 20-second run); the intake specs assert what those functions find.
 */
const GLUE_FILES = [
  'directory/cognito-sync',
  'intake/inbound-notification',
  'mail/ses-sender',
  'intake/adversarial-headers',
];

export default {
  ...unit,
  testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
  // Property tests run at most a few dozen cases per mutant (see scripts/mutate/fast-check-capped.ts).
  moduleNameMapper: { '^fast-check$': '<rootDir>/scripts/mutate/fast-check-capped.ts', ...unit.moduleNameMapper },
  testPathIgnorePatterns: [
    '/node_modules/',
    ...GLUE.map((folder) => `<rootDir>/test/unit/${folder}/`),
    ...GLUE_FILES.map((file) => `<rootDir>/test/unit/${file}\\.test\\.ts$`),
  ],
};
