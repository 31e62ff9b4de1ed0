import { lazy } from 'react';
import type { PageRoute } from './page-route.ts';

/** The signed-in account's rules (admins: any account's), kept live. */
export const rulesRoute: PageRoute = {
  path: 'rules',
  Component: lazy(async () => ({ default: (await import('./rules-page.tsx')).RulesRoutePage })),
};

/** One rule and its locks per RSE; it starts loading at once. */
export const ruleRoute: PageRoute = {
  path: 'rules/:id',
  loader: async ({ queryClient, params }) => {
    const { ruleQueryOptions } = await import('@/features/rules/api/get-rule.ts');
    return queryClient.query({ ...ruleQueryOptions(params.id ?? ''), staleTime: 'static' });
  },
  Component: lazy(async () => ({
    default: (await import('@/features/rules/components/rule-page.tsx')).RulePage,
  })),
};
