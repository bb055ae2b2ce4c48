/**
 * The layer rules of the code base (docs/layers.md), checked by `npm run lint`.
 *
 *   events/ ← domain/ ← application/ ← adapters/ ← functions/, local/, scripts/, infra/
 *
 * An outer layer may import an inner one, never the reverse, and no module may take part in an import
 * cycle (type-only imports count: a cycle of types is still two modules that cannot be understood apart).
 * The AWS SDK and I/O ban on domain/ and events/ stays with eslint (eslint.config.js).
 */

/** Everything outside the inner layers that an inner layer must never reach. */
const OUTER = ['functions', 'local', 'scripts', 'infra', 'console', 'test', 'bin', 'portal', 'config'];
const under = (dirs) => `^(${dirs.join('|')})/`;

/** A rule that forbids `from` to import anything under `dirs`. */
const mayNotImport = (name, from, dirs, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^${from}/` },
  to: { path: under(dirs) },
});

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other, directly or around a loop: move what both need into a third module.',
      severity: 'error',
      from: { path: '^(events|domain|application|adapters|functions|local|scripts|infra|config|portal|console|bin)/' },
      to: { circular: true },
    },
    mayNotImport(
      'events-are-innermost',
      'events',
      ['domain', 'application', 'adapters', 'verifier', ...OUTER],
      'Events are the stored facts: they depend on nothing else of ours.',
    ),
    mayNotImport(
      'domain-imports-events-only',
      'domain',
      ['application', 'adapters', 'verifier', ...OUTER],
      'The domain holds the rules: pure functions of events and state, no use case, no storage layout.',
    ),
    mayNotImport(
      'application-does-not-know-adapters',
      'application',
      ['adapters', 'verifier', ...OUTER],
      'Use cases talk to storage, mail and queues through ports (interfaces in application/); adapters implement them.',
    ),
    mayNotImport(
      'adapters-do-not-know-their-callers',
      'adapters',
      OUTER,
      'Adapters implement ports; the handlers, the local stack, the scripts and the CDK app wire them. Table definitions live here and infra/ imports them.',
    ),
    mayNotImport(
      'config-is-data',
      'config',
      ['application', 'adapters', 'functions', 'local', 'scripts', 'infra', 'console', 'test', 'portal'],
      'Agency configuration is validated by domain schemas and read by every outer layer.',
    ),
    mayNotImport(
      'portal-renders-use-case-results',
      'portal',
      ['adapters', 'functions', 'local', 'scripts', 'infra', 'console', 'test', 'config'],
      'The public portal pages render what use cases return; the API function serves them.',
    ),
    mayNotImport(
      'functions-stay-small',
      'functions',
      ['local', 'scripts', 'infra', 'console', 'test'],
      'A Lambda bundles what it imports: never the local stack, the CLI, the CDK app or tests.',
    ),
    mayNotImport(
      'infra-describes-deployment',
      'infra',
      ['functions', 'local', 'scripts', 'console', 'test'],
      'The CDK app names handlers by path and bundles them; importing their code would pull it into synth.',
    ),
    mayNotImport(
      'local-runs-the-functions',
      'local',
      ['scripts', 'console', 'test'],
      'The local stack runs the same handlers as AWS; scripts and tests drive it, not the reverse.',
    ),
    mayNotImport(
      'scripts-are-not-tests',
      'scripts',
      ['console', 'test'],
      'Scripts run in production and in CI; test helpers are not shipped.',
    ),
    {
      name: 'verifier-stands-alone',
      comment: 'The proof verifier is given to outsiders: it imports nothing of ours.',
      severity: 'error',
      from: { path: '^verifier/' },
      to: { path: under(['events', 'domain', 'application', 'adapters', ...OUTER]) },
    },
    {
      name: 'console-imports-console',
      comment:
        'The console is a browser app built by Vite: besides its own code it shares only the response templates (what the requester will read).',
      severity: 'error',
      from: { path: '^console/src/' },
      to: { pathNot: '^(console/src/|node_modules/|domain/mail/templates\\.ts$)', dependencyTypesNot: ['core'] },
    },
    {
      name: 'console-e2e-drives-the-local-stack',
      comment: 'The console tests start the local stack and build the console; they import nothing else of ours.',
      severity: 'error',
      from: { path: '^console/e2e/' },
      to: {
        pathNot: '^(console/e2e/|node_modules/|local/|scripts/console/|test/support/)',
        dependencyTypesNot: ['core'],
      },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules/' },
    exclude: { path: '^(node_modules|cdk\\.out|coverage|dist|console/dist|\\.data)/' },
    // Type-only imports are dependencies too: a cycle through types still ties two modules together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
  },
};
