import {
  IconFolders,
  IconGauge,
  IconLink,
  IconListCheck,
  IconScale,
  IconSearch,
  IconWorld,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { BasketNavBadge, BasketNavIcon } from './routes/basket.ts';

export interface NavItem {
  label: string;
  to: string;
  /** A Tabler icon, or a lazy one (Basket's comes with its chunk, off the first load). */
  icon: ComponentType<{ size: number; 'aria-hidden': boolean }>;
  /** Shown after the label (lazy: its code loads after the shell); part of the link's name. */
  badge?: ComponentType;
  /** Offered to portal admins only (/api/me's isAdmin); the BFF enforces it, not the nav. */
  adminOnly?: boolean;
}

/** The navbar. A new area (Search, Replicas map, Downloads, Quotas) adds one entry and a route. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Scopes', to: '/scopes', icon: IconFolders },
  { label: 'Search', to: '/search', icon: IconSearch },
  { label: 'Sites', to: '/sites', icon: IconWorld },
  { label: 'Rules', to: '/rules', icon: IconListCheck },
  { label: 'Basket', to: '/basket', icon: BasketNavIcon, badge: BasketNavBadge },
  { label: 'My links', to: '/my-links', icon: IconLink },
  { label: 'My quota', to: '/my-quota', icon: IconGauge },
  { label: 'Quotas', to: '/quotas', icon: IconScale, adminOnly: true },
];
