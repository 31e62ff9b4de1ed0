import { Group, NavLink, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';

const TABS = [
  { to: '/quotas', label: 'Usage' },
  { to: '/quotas/limits', label: 'Limits' },
  { to: '/quotas/bulk', label: 'Bulk edit' },
  { to: '/quotas/audit', label: 'Audit' },
] as const;

/** The admin console's heading and its pages, as a named navigation. */
export function QuotasHeader({ title, aside }: { title: string; aside?: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <>
      <Group justify="space-between" align="baseline">
        <Title order={1}>{title}</Title>
        {aside}
      </Group>
      <Group component="nav" aria-label="Quota console" gap={4}>
        {TABS.map((t) => (
          <NavLink
            key={t.to}
            component={RouterNavLink}
            to={t.to}
            end
            label={t.label}
            active={pathname === t.to}
            w="auto"
            variant="light"
            style={{ borderRadius: 6 }}
          />
        ))}
      </Group>
    </>
  );
}
