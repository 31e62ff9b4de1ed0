import { lazy, type ComponentType } from 'react';
import type { PageRoute } from './page-route.ts';

/** Each console page is a chunk of its own: the usage page does not carry the editor's dialogs. */
const admin = (load: () => Promise<ComponentType>) =>
  lazy(async () => {
    const [{ adminOnly }, Page] = await Promise.all([import('./quota-admin.tsx'), load()]);
    return { default: adminOnly(Page) };
  });

/** The admin quota console (hidden from others in the nav; the BFF refuses them anyway). */
export const quotasRoute: PageRoute = {
  path: 'quotas',
  Component: admin(
    async () => (await import('@/features/quotas/components/usage-page.tsx')).UsagePage,
  ),
};
export const quotaLimitsRoute: PageRoute = {
  path: 'quotas/limits',
  Component: admin(
    async () => (await import('@/features/quotas/components/limits-page.tsx')).LimitsPage,
  ),
};
export const quotaBulkRoute: PageRoute = {
  path: 'quotas/bulk',
  Component: admin(
    async () => (await import('@/features/quotas/components/bulk-page.tsx')).BulkPage,
  ),
};
export const quotaAuditRoute: PageRoute = {
  path: 'quotas/audit',
  Component: admin(
    async () => (await import('@/features/quotas/components/audit-page.tsx')).AuditPage,
  ),
};

/** Every user's own limits and usage. */
export const myQuotaRoute: PageRoute = {
  path: 'my-quota',
  loader: async ({ queryClient }) => {
    const { myQuotaQueryOptions } = await import('@/features/quotas/api/quota-queries.ts');
    return queryClient.query({ ...myQuotaQueryOptions(), staleTime: 'static' });
  },
  Component: lazy(async () => ({
    default: (await import('@/features/quotas/components/my-quota-page.tsx')).MyQuotaPage,
  })),
};
