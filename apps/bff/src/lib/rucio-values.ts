import type { DidType } from '@bdms/contract';

/** Rucio's RFC 1123 instant as ISO 8601 (UTC); null when absent or unreadable. */
export function isoInstant(value: unknown): string | null {
  if (typeof value !== 'string' || !value) return null;
  const ms = Date.parse(value.replace(/ UTC$/, ' GMT'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Rucio lists only live DIDs; an archive is a file to the portal. */
export const liveType = (type: string): DidType =>
  type === 'DATASET' || type === 'CONTAINER' ? type : 'FILE';
