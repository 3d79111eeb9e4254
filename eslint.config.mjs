// One lint configuration for every workspace; `npm run lint` runs it per package through turbo.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/test-results/**', '**/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': [
        'error',
        {
          // Configuration is read in one validated env.ts per app (STYLE 10).
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through env.ts, not process.env.',
        },
      ],
    },
  },
  {
    files: ['**/env.ts', '**/*.test.ts', '**/test/**', '**/testing/**', '**/*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Workflows are replayed deterministically in Temporal's sandbox: values may come only from
    // @temporalio/workflow and other workflow files (`<domain>/*-workflow.ts`, `*-types.ts`, the bundle
    // entry workflows/index.ts); anything else (Node builtins, activities, the database, other packages)
    // by `import type` only. No require() or import() either.
    files: ['apps/worker/src/workflows/**/*.ts', 'apps/worker/src/*/*-workflow.ts', 'apps/worker/src/*/*-types.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          regex: '^(?!@temporalio/workflow$|\\.{1,2}/([\\w-]+/)?[\\w.-]+-(workflow|types)\\.js$)',
          allowTypeImports: true,
          message: 'Workflow code may import values only from @temporalio/workflow and *-workflow.js / *-types.js files; use `import type` for anything else.',
        }],
      }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'No dynamic import() in workflow code.' },
        { selector: "CallExpression[callee.name='require']", message: 'No require() in workflow code.' },
        { selector: 'TSExternalModuleReference', message: 'No `import x = require()` in workflow code.' },
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through env.ts, not process.env.' },
      ],
    },
  },
);
