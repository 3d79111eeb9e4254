// One lint configuration for every workspace; `npm run lint` runs it per package through turbo.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

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
    files: ['**/env.ts', '**/*.test.ts', '**/test/**', '**/testing/**', '**/cli/**', '**/*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Workflows are replayed deterministically: no Node builtins, activities by type only.
    files: ['apps/worker/src/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins, patterns: [{ group: ['**/activities/**'], allowTypeImports: true, message: 'Import activities with `import type` only.' }] }],
    },
  },
);
