// A Stryker test runner, `jest-covering`: Stryker's own jest runner, except that a mutant runs only the test
// FILES that hold a test covering it, not every file that imports the mutated module (`findRelatedTests`).
//
// Why: with `coverageAnalysis: "perTest"` Stryker knows which tests cover a mutant and passes them as a jest
// `testNamePattern`, but jest still loads every related test file to find those tests. A mutant in
// domain/calendar/due-date.ts imported 22 test files (property tests, the AWS service composition, the
// OpenAPI document), of which two or three cover it. Loading a file in jest's ESM VM, with the agency
// configuration it reads, is most of a mutant's time on a shared 2-core machine.
//
// How: the dry run (every test, with per-test coverage) reports each test's file; this runner keeps
// test name → file, writes it next to the sandbox for workers that did not run the dry run, and hands jest
// the covering files as an explicit list (the adapter's `testFiles`, which turns `findRelatedTests` off).
// A mutant without a test filter (a static one, or coverage analysis off) runs as Stryker's runner would.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { declareFactoryPlugin, PluginKind, commonTokens } from '@stryker-mutator/api/plugin';
import { strykerPlugins as jestPlugins } from '@stryker-mutator/jest-runner';

/** Stryker's jest runner, as its package declares it (the factory itself is not exported). */
const jestTestRunnerFactory = jestPlugins.find((p) => p.kind === PluginKind.TestRunner && p.name === 'jest').factory;

/**
 * Where the dry run leaves test name → files for other workers: in the sandbox. Read when used, not when this
 * module loads: a worker imports its plugins before it moves into the sandbox.
 */
const testFilesPath = () => join(process.cwd(), '.stryker-covering-tests.json');

/** Escapes a path for jest, which reads the files it is given as regular expressions. */
const asPattern = (path) => `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

/** @param {import('typed-inject').Injector} injector */
const coveringTestsRunner = (injector) => {
  const jest = jestTestRunnerFactory(injector);
  const log = injector.resolve(commonTokens.getLogger)('covering-tests-runner');
  /** @type {Map<string, string[]>} test name (jest's full name) → the files that hold a test of that name */
  let filesOf = new Map();
  /** @type {string[] | undefined} the files the next jest run is limited to */
  let only;

  const adapter = jest.jestTestAdapter;
  const run = adapter.run.bind(adapter);
  adapter.run = (settings) => run(only ? { ...settings, testFiles: only } : settings);

  const knownFiles = () => {
    if (filesOf.size === 0) {
      try {
        filesOf = new Map(Object.entries(JSON.parse(readFileSync(testFilesPath(), 'utf8'))));
      } catch {
        // No dry run in this sandbox yet: mutants fall back to findRelatedTests.
      }
    }
    return filesOf;
  };

  return {
    init: () => jest.init(),
    capabilities: () => jest.capabilities(),
    dispose: () => jest.dispose?.(),
    async dryRun(options) {
      const result = await jest.dryRun(options);
      if (result.status === 'complete') {
        filesOf = new Map();
        for (const test of result.tests) {
          if (!test.fileName) continue;
          const files = filesOf.get(test.id) ?? [];
          if (!files.includes(test.fileName)) files.push(test.fileName);
          filesOf.set(test.id, files);
        }
        writeFileSync(testFilesPath(), JSON.stringify(Object.fromEntries(filesOf)));
      }
      return result;
    },
    async mutantRun(options) {
      const known = knownFiles();
      const files = options.testFilter?.flatMap((id) => known.get(id) ?? []);
      // A test missing from the map (it should not happen) would be silently skipped: run the related files instead.
      const complete = files !== undefined && options.testFilter.every((id) => known.has(id));
      only = complete && files.length > 0 ? [...new Set(files)].map(asPattern) : undefined;
      if (options.testFilter && !complete) log.warn(`mutant ${options.activeMutant.id}: covering tests not all known`);
      try {
        return await jest.mutantRun(options);
      } finally {
        only = undefined;
      }
    },
  };
};
coveringTestsRunner.inject = [commonTokens.injector];

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'jest-covering', coveringTestsRunner)];
