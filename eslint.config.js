import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', 'coverage/', 'dist/', 'console/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // domain/ and events/ are pure: no AWS SDK, no I/O.
    files: ['domain/**/*.ts', 'events/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@aws-sdk/*', '@aws-lambda-powertools/*', 'node:fs', 'node:net', 'node:http'] },
      ],
    },
  },
  {
    // The mail parser (mailparser and its charset, MIME and HTML libraries) belongs to email intake
    // alone: imported anywhere else, it lands in functions that never parse mail (~1 MB each). Only
    // parse-mail.ts uses it, only process-mail.ts and the intake function import those two, and
    // everyone else names mail streams through intake/mail-stream.ts. Types may be imported freely.
    files: [
      'domain/**/*.ts',
      'events/**/*.ts',
      'application/**/*.ts',
      'adapters/**/*.ts',
      'functions/**/*.ts',
      'config/**/*.ts',
      'infra/**/*.ts',
    ],
    ignores: ['application/intake/parse-mail.ts', 'application/intake/process-mail.ts', 'functions/intake/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(mailparser|@zone-eu/mailsplit|libmime|iconv-lite|encoding-japanese|html-to-text|he)(/.*)?$|(^|/)(parse|process)-mail\\.js$',
              allowTypeImports: true,
              message:
                'This drags the mail parser into a function that does not parse mail: only email intake may import it (see infra/bundle.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // No test depends on the day it runs: tests take the time from the stack's clock, a fixed instant, or
    // test/support/clock.ts (the one place that may read the machine's clock, for timeouts and unique names).
    files: ['test/**/*.ts', 'console/e2e/**/*.ts'],
    ignores: ['test/support/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message:
            "A test must not read the machine's date: use the stack's clock, a fixed instant, or test/support/clock.ts.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message:
            "A test must not read the machine's date: use the stack's clock, a fixed instant, or realMs() from test/support/clock.ts.",
        },
      ],
    },
  },
  // Last: turns off the stylistic rules Prettier owns (`npm run format`).
  prettier,
);
