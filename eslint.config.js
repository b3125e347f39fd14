// One lint configuration for the whole monorepo. Beyond typescript-eslint's recommended set,
// the rules below encode the architecture (ARCHITECTURE.md, "Rules the layout enforces"):
// the dependency ladder contracts ← domain ← db ← api ← apps, services free of transport
// types, process.env read in one file per app, and promises that are never left floating.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `no-restricted-imports` patterns for one layer. */
const forbid = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups }],
});
const nodeBuiltins = { group: ['node:*'], message: 'domain and contracts are pure: no I/O, they run in the browser too.' };
const upperLayers = (layer, names) => ({
  group: names.map((n) => `@kaoping/${n}`).concat(names.map((n) => `@kaoping/${n}/*`)),
  message: `${layer} may not import from a layer above it (contracts ← domain ← db ← api ← apps).`,
});
const processEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read configuration through apps/server/src/env.ts or apps/cli/src/env.ts (validated once, with Chinese messages).',
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.turbo/**', 'test-output/**', 'data/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'scripts/*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Kysely migrations are typed `Kysely<any>` on purpose (frozen history, no app types).
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', processEnv],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  // The ladder, layer by layer.
  {
    files: ['packages/contracts/src/**'],
    rules: forbid(nodeBuiltins, upperLayers('contracts', ['domain', 'db', 'api', 'importers', 'exporters', 'server', 'dashboard', 'cli'])),
  },
  {
    files: ['packages/domain/src/**'],
    rules: forbid(nodeBuiltins, upperLayers('domain', ['db', 'api', 'importers', 'exporters', 'server', 'dashboard', 'cli']), {
      group: ['@trpc/*'],
      message: 'domain knows no transport.',
    }),
  },
  {
    files: ['packages/importers/src/**', 'packages/exporters/src/**'],
    rules: forbid(upperLayers('importers/exporters', ['db', 'api', 'server', 'dashboard', 'cli'])),
  },
  { files: ['packages/db/src/**'], rules: forbid(upperLayers('db', ['api', 'server', 'dashboard', 'cli'])) },
  { files: ['packages/api/src/**'], rules: forbid(upperLayers('api', ['server', 'dashboard', 'cli'])) },
  {
    files: ['packages/api/src/**/*.service.ts', 'packages/domain/src/**'],
    ignores: ['**/*.test.ts'],
    rules: forbid({
      group: ['@trpc/*'],
      message: 'Services throw DomainError (@kaoping/domain/errors/domain-error); api/src/errors.ts maps it to tRPC.',
    }),
  },
  {
    files: ['apps/dashboard/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The dashboard runs in the browser.' },
            {
              group: [
                '@kaoping/db',
                '@kaoping/db/*',
                '@kaoping/server',
                '@kaoping/server/*',
                '@kaoping/importers/*',
                '@kaoping/exporters/*',
              ],
              message: 'The dashboard reaches the server only through tRPC.',
            },
            { group: ['@kaoping/api/*', '!@kaoping/api/root'], allowTypeImports: true, message: 'Only `type AppRouter` from the api.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/dashboard/src/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // React event handlers may be async; their promises are handled inside (message.error).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  // The only readers of process.env, and test/bench infrastructure that picks databases and browsers.
  {
    files: ['apps/server/src/env.ts', 'apps/cli/src/env.ts', 'scripts/**', '**/*.test.ts', '**/testing/**', 'apps/e2e/**', '**/bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // A test states what it expects; a missing value failing loudly there is the point.
    files: ['**/*.test.ts', '**/test/**', 'apps/e2e/**', '**/bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['packages/db/src/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
