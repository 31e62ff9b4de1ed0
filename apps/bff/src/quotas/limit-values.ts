import type { CurrentLimit, LimitInput } from '@bdms/contract';

/**
 * Rucio's limit values ↔ the contract's. Rucio keeps "unlimited" as -1 and answers it as the bare
 * literal `Infinity` from /accounts/<acc>/limits/… (parsed to the number Infinity by the client)
 * but as -1 from /rses/<rse>/accounts/usage (both recorded in test/fixtures/quotas/).
 */
export function fromRucio(value: number | null | undefined): CurrentLimit {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  if (value === Number.POSITIVE_INFINITY || value === -1) return 'unlimited';
  return value;
}

/** What Rucio is sent: bytes, or -1 for unlimited. */
export const toRucio = (limit: LimitInput): number => (limit === 'unlimited' ? -1 : limit);

export const sameLimit = (a: CurrentLimit, b: CurrentLimit): boolean => a === b;

/**
 * Whether `after` caps the account below what it stores already. A removed local limit counts as
 * 0 (Rucio then lets the account store nothing more there); a removed global limit caps nothing.
 */
export function belowUsage(
  kind: 'local' | 'global',
  after: CurrentLimit,
  usedBytes: number,
): boolean {
  if (after === 'unlimited') return false;
  if (after === null) return kind === 'local' && usedBytes > 0;
  return after < usedBytes;
}

/** A limit in an audit column: digits, 'unlimited', or NULL. */
export const limitColumn = (limit: CurrentLimit): string | null =>
  limit === null ? null : limit === 'unlimited' ? 'unlimited' : BigInt(limit).toString();

export const limitFromColumn = (text: string | null): CurrentLimit =>
  text === null ? null : text === 'unlimited' ? 'unlimited' : Number(text);

const GB = 1e9;

/** "9 095 bytes (0.000009 GB)"-style words for messages: exact bytes and a human figure. */
export function bytesInWords(bytes: number): string {
  const human =
    bytes >= 1e12 ? `${(bytes / 1e12).toPrecision(4)} TB` : `${(bytes / GB).toPrecision(4)} GB`;
  return `${bytes.toLocaleString('en-US')} bytes (${human})`;
}

export const limitInWords = (limit: CurrentLimit): string =>
  limit === null ? 'no limit' : limit === 'unlimited' ? 'unlimited' : bytesInWords(limit);
