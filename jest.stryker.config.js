/**
 * Jest as `npm run mutate` runs it (StrykerJS, see stryker.config.json): the unit tests only, which cover
 * domain/, events/ and verifier/ without the local stack, so no global setup (DynamoDB Local) is needed.
 */
import base from './jest.config.js';

const { globalSetup: _setup, globalTeardown: _teardown, ...unit } = base;

export default { ...unit, testMatch: ['<rootDir>/test/unit/**/*.test.ts'] };
