// ESLint: the import graph and the layer rules (see CONTRIBUTING.md, "Layers"). Formatting is Prettier's
// job, so no stylistic rules here; `npm test` runs this after the typecheck.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** `no-restricted-imports` patterns forbidding imports from the given top-level folders. */
function forbid(from, folders, why) {
  return {
    files: [`${from}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: `(^|/)(${folders.join('|')})/`, message: why }] }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    files: ['**/*.ts'],
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      // A cycle makes load order matter and hides which module owns an idea; type-only imports are fine.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // V8 (Node, Apps Script) throws RangeError past ~120k call arguments: COHORT_LTV on a 200k-row order list and
    // the CLI on a 150k-channel export did. Data-sized arrays are looped over, never spread into a call.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
          message: 'Math.max/min(...array) fails past ~120k elements: loop (or disable, saying why the array is small).',
        },
      ],
    },
  },
  // Layers: each folder may import only from the ones below it.
  forbid(
    'src/core',
    ['api', 'adapter', 'gas', 'cli', 'sidebar', 'local'],
    'src/core is pure: it imports nothing above it (CONTRIBUTING.md, "Layers").',
  ),
  forbid(
    'src/adapter',
    ['gas', 'cli', 'sidebar', 'local'],
    'src/adapter is the thin Apps Script layer: no entry points, sidebar or local runtime.',
  ),
  forbid('src/api', ['adapter', 'gas', 'cli', 'sidebar', 'local'], 'src/api is the typed contract: core types only.'),
  forbid('src/cli', ['api', 'adapter', 'gas', 'sidebar', 'local'], 'src/cli is the command-line report: src/core and Node only.'),
  forbid('sidebar', ['adapter', 'gas', 'local'], 'The sidebar reaches the server only through google.script.run (src/api/contract.ts).'),
);
