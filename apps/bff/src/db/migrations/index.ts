/**
 * Every migration, by name; Kysely applies them in name order. Imported statically (no folder
 * scan at run time), so they work the same under tsx, in a bundle and in tests.
 * Never rename or edit an applied migration: add the next number.
 */
import type { Migration } from 'kysely/migration';
import { audit } from './0001-audit.ts';
import { savedSearches } from './0002-saved-searches.ts';
import { basket } from './0003-basket.ts';
import { downloadLinks } from './0004-download-links.ts';
import { quotaChanges } from './0005-quota-changes.ts';

export const migrations: Record<string, Migration> = {
  '0001-audit': audit,
  '0002-saved-searches': savedSearches,
  '0003-basket': basket,
  '0004-download-links': downloadLinks,
  '0005-quota-changes': quotaChanges,
};
