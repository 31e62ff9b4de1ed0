import type { ComponentType } from 'react';
import { AdminRequired } from '@/features/quotas/components/admin-required.tsx';
import { useMe } from '@/features/session/api/get-me.ts';

/** An admin page, or what a non-admin sees there (a convenience: the BFF decides, with 403). */
export const adminOnly = (Page: ComponentType) =>
  function AdminPage() {
    const me = useMe();
    return me.data?.isAdmin ? <Page /> : <AdminRequired />;
  };
