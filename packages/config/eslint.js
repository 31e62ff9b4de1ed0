// Shared ESLint flat config. Each app/package re-exports one of these with its own zones.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';
import { bffImportBans, bffZones, importArrows, webZones, workspaceZones } from './arrows.js';

const ignores = {
  ignores: ['dist/**', 'coverage/**', 'node_modules/**', '*.config.*', 'eslint.config.js'],
};

/**
 * Type-checked TypeScript rules shared by every package, the workspace's import arrows (see
 * arrows.js) plus `zones` of the package's own, and no import cycles.
 */
export function base(tsconfigRootDir, zones = []) {
  return tseslint.config(
    ignores,
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
        globals: { ...globals.node },
      },
      rules: {
        'no-console': 'error',
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      },
    },
    {
      files: ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts', '**/test/**'],
      rules: {
        '@typescript-eslint/no-non-null-assertion': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
      },
    },
    ...importArrows(tsconfigRootDir, [...workspaceZones(tsconfigRootDir), ...zones]),
  );
}

/** Server-side packages: forbid process.env outside config modules. */
export function node(tsconfigRootDir, zones = []) {
  return [
    ...base(tsconfigRootDir, zones),
    {
      files: ['src/**/*.ts'],
      ignores: ['src/**/config.ts', 'src/**/env.ts', 'src/**/*.test.ts'],
      rules: {
        'no-restricted-properties': [
          'error',
          { object: 'process', property: 'env', message: 'Read env only in config.ts.' },
        ],
      },
    },
  ];
}

/** The BFF: `node` plus routes → services → rucio-client (see arrows.js for the shared folders). */
export function bff(tsconfigRootDir) {
  return [...node(tsconfigRootDir, bffZones(tsconfigRootDir)), ...bffImportBans()];
}

const noRucioInTheSpa = {
  group: ['@bdms/rucio-client', '@bdms/rucio-client/*'],
  message: 'The SPA never talks to Rucio: Rucio hosts and tokens stay on the server.',
};

/** The React SPA: hooks, a11y, TanStack Query, and import zones (app → features → shared). */
export function react(tsconfigRootDir) {
  return [
    ...base(tsconfigRootDir, webZones(tsconfigRootDir)),
    {
      files: ['src/**/*.{ts,tsx}'],
      languageOptions: { globals: { ...globals.browser } },
      plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, '@tanstack/query': pluginQuery },
      rules: {
        ...reactHooks.configs.recommended.rules,
        ...jsxA11y.flatConfigs.strict.rules,
        ...pluginQuery.configs['flat/recommended'][0].rules,
        'no-restricted-imports': ['error', { patterns: [noRucioInTheSpa] }],
      },
    },
    {
      files: ['src/features/**/*.{ts,tsx}'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              noRucioInTheSpa,
              {
                regex: '^(\\.\\./){2,}',
                message: 'Leave a feature only through @/lib or @/components.',
              },
            ],
          },
        ],
      },
    },
  ];
}
