import { lazy } from 'react';
import type { PageRoute } from './page-route.ts';

/** Asking for a replication rule (`?did=scope:name` for each DID it starts with). */
export const ruleRequestRoute: PageRoute = {
  path: 'rules/new',
  Component: lazy(async () => ({
    default: (await import('@/features/rule-request/components/rule-request-page.tsx'))
      .RuleRequestPage,
  })),
};
