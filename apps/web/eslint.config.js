import { react } from '@bdms/config/eslint';

const classicZod = 'zod "classic" ships whole with any schema (~25 kB gzipped): use zod/mini.';

export default [
  ...react(import.meta.dirname),
  {
    // Shipped code keeps under the first-load budgets (scripts/bundle-report.ts): the contract's
    // schemas are zod classic, so the SPA takes only its types; src/lib/api-contract.ts explains.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@bdms/contract',
              allowTypeImports: true,
              message: 'Import types only; runtime schemas come from @/lib/api-contract.ts.',
            },
            { name: 'zod', allowTypeImports: true, message: classicZod },
            { name: 'zod/v4', allowTypeImports: true, message: classicZod },
          ],
          patterns: [
            {
              // The contract's search helpers are plain TypeScript, except these zod files.
              group: [
                '@bdms/contract/search/query-schema*',
                '@bdms/contract/search/results*',
                '@bdms/contract/search/routes*',
              ],
              allowTypeImports: true,
              message: 'zod classic: import types only; runtime schemas are twins in src/lib.',
            },
          ],
        },
      ],
    },
  },
];
