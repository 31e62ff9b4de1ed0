/**
 * Account limits as people write them ("10 TB", "1.5 TiB", "unlimited") and as the contract
 * carries them (whole bytes, or 'unlimited'). Shared by the BFF (CSV import) and the SPA (the
 * limit field), so both refuse the same texts with the same words.
 */

/** The largest limit the portal accepts: 1 EB (10^18 bytes). Beyond it is a typo, not a quota. */
export const MAX_LIMIT_BYTES = 1e18;

/** A limit as the contract carries it: whole bytes, or no cap at all. */
export type LimitInput = number | 'unlimited';

const UNLIMITED_WORDS = new Set(['unlimited', 'infinity', 'inf', '∞']);

/** Decimal units (CTAO and Rucio count in powers of ten) and the binary ones, exactly. */
const UNITS: Record<string, bigint> = {
  b: 1n,
  byte: 1n,
  bytes: 1n,
  kb: 10n ** 3n,
  mb: 10n ** 6n,
  gb: 10n ** 9n,
  tb: 10n ** 12n,
  pb: 10n ** 15n,
  eb: 10n ** 18n,
  kib: 1024n,
  mib: 1024n ** 2n,
  gib: 1024n ** 3n,
  tib: 1024n ** 4n,
  pib: 1024n ** 5n,
  eib: 1024n ** 6n,
};

export type LimitParse = { ok: true; value: LimitInput } | { ok: false; problem: string };

const NUMBER = /^([0-9][0-9_]*)(?:\.([0-9]+))?\s*([A-Za-z]*)$/;

/**
 * "10 TB" → 10^13, "1.5 GiB" → 1610612736, "123" → 123 bytes, "unlimited" / "Infinity" →
 * 'unlimited'. Refused, with the reason: empty, negative, not a number, an unknown unit, a value
 * that is not whole bytes ("1.5 B", "0.0000001 kB"), more than 1 EB.
 */
export function parseLimitText(text: string): LimitParse {
  const trimmed = text.trim();
  if (trimmed === '')
    return { ok: false, problem: 'is empty: give bytes, e.g. 10 TB, or unlimited' };
  if (UNLIMITED_WORDS.has(trimmed.toLowerCase())) return { ok: true, value: 'unlimited' };
  if (trimmed.startsWith('-')) return { ok: false, problem: 'must not be negative' };
  const match = NUMBER.exec(trimmed);
  if (!match)
    return { ok: false, problem: `is not a number of bytes (e.g. 10 TB, 500 GB, 123): ${trimmed}` };
  const [, whole = '', fraction = '', unitText = ''] = match;
  const unit = UNITS[(unitText || 'b').toLowerCase()];
  if (unit === undefined)
    return {
      ok: false,
      problem: `has an unknown unit ${unitText} (B, kB, MB, GB, TB, PB, EB, KiB…EiB)`,
    };
  const digits = BigInt(whole.replaceAll('_', '') + fraction);
  const scale = 10n ** BigInt(fraction.length);
  const scaled = digits * unit;
  if (scaled % scale !== 0n) return { ok: false, problem: 'must be whole bytes' };
  const bytes = scaled / scale;
  if (bytes > BigInt(MAX_LIMIT_BYTES))
    return { ok: false, problem: 'is more than 1 EB (10^18 bytes)' };
  return { ok: true, value: Number(bytes) };
}

const DECIMAL = [
  ['EB', 1e18],
  ['PB', 1e15],
  ['TB', 1e12],
  ['GB', 1e9],
  ['MB', 1e6],
  ['kB', 1e3],
] as const;

/**
 * A limit as text that parseLimitText reads back to the same value: the largest decimal unit
 * that shows it exactly in at most three decimals ("10 TB", "1.5 GB"), else bytes ("123456 B").
 * null (no limit) is the empty text.
 */
export function limitToText(limit: LimitInput | null): string {
  if (limit === null) return '';
  if (limit === 'unlimited') return 'unlimited';
  for (const [unit, size] of DECIMAL) {
    if (limit < size) continue;
    const shown = limit / size;
    const rounded = Math.round(shown * 1000) / 1000;
    if (Math.round(rounded * size) === limit) return `${String(rounded)} ${unit}`;
  }
  return `${String(limit)} B`;
}
