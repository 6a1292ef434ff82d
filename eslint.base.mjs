// Lint rules shared by the workspaces: typescript-eslint's recommended set, plus the habits in
// DESIGN.md: no `export *`, type-only imports for types, and each folder entered through its index.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The config of one workspace: the shared rules, with the paths it does not lint. */
export function workspaceConfig(ignores) {
  return tseslint.config(
    { ignores: ['dist/**', 'jest.config.js', ...ignores] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
      files: ['**/*.ts'],
      rules: {
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
        'no-restricted-syntax': [
          'error',
          { selector: 'ExportAllDeclaration', message: 'List exports by name instead of `export *`.' },
        ],
      },
    },
    {
      files: ['src/**/*.ts'],
      ignores: ['src/**/*.test.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: '^(\\.\\./)+[a-z-]+/(?!index$).+$',
                message: 'Import another folder through its index.ts.',
              },
            ],
          },
        ],
      },
    },
  );
}
