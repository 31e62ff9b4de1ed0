import {
  IconFolders,
  IconListCheck,
  IconSearch,
  IconWorld,
  type TablerIcon,
} from '@tabler/icons-react';

export interface NavItem {
  label: string;
  to: string;
  icon: TablerIcon;
}

/** The navbar. A new area (Search, Replicas map, Downloads, Quotas) adds one entry and a route. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Scopes', to: '/scopes', icon: IconFolders },
  { label: 'Search', to: '/search', icon: IconSearch },
  { label: 'Sites', to: '/sites', icon: IconWorld },
  { label: 'Rules', to: '/rules', icon: IconListCheck },
];
