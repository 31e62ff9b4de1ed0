import { IconFile, IconFolder, IconPackage } from '@tabler/icons-react';
import type { DidType } from '../types.ts';

const ICONS = { CONTAINER: IconFolder, DATASET: IconPackage, FILE: IconFile } as const;

export function DidTypeIcon({ type, size = 18 }: { type: DidType; size?: number }) {
  const Icon = ICONS[type];
  return <Icon size={size} aria-hidden />;
}
