/*
 * Observation times: Modified Julian Date ⇄ ISO 8601, UTC. MJD 0 = 1858-11-17T00:00Z; leap
 * seconds are ignored (POSIX time), as FITS TSTART/TSTOP conversions usually are. Times without
 * a zone are UTC: BDMS stores `start_time`/`end_time` so.
 */

const MS_PER_DAY = 86_400_000;
/** MJD of 1970-01-01T00:00Z. */
export const MJD_UNIX_EPOCH = 40_587;

export const mjdToMs = (mjd: number): number => Math.round((mjd - MJD_UNIX_EPOCH) * MS_PER_DAY);
export const msToMjd = (ms: number): number => ms / MS_PER_DAY + MJD_UNIX_EPOCH;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2000-01-01T12:00:00Z`, with `.sss` only when the milliseconds are not zero. */
export function msToIso(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

/** The text Rucio's filter engine reads as a date: `%Y-%m-%dT%H:%M:%S` (`.%fZ` when needed). */
export function msToRucio(ms: number): string {
  const iso = new Date(ms).toISOString();
  const millis = ms - Math.floor(ms / 1000) * 1000;
  return millis === 0 ? iso.slice(0, 19) : `${iso.slice(0, 19)}.${pad(millis, 3)}000Z`;
}

export const mjdToIso = (mjd: number): string => msToIso(mjdToMs(mjd));

/** An MJD shown with `digits` decimals (5 decimals ≈ 1 s). */
export const formatMjd = (mjd: number, digits = 5): string => mjd.toFixed(digits);

export type TimeResult =
  | { ok: true; ms: number; mjd: number; iso: string; from: 'iso' | 'mjd' }
  | { ok: false; message: string };

const MJD_RE = /^(?:mjd\s*)?([+-]?(?:\d+(?:\.\d*)?|\.\d+))$/i;
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Years the portal shows with four digits. */
const inRange = (ms: number): boolean => ms >= Date.UTC(1000, 0, 1) && ms < Date.UTC(10_000, 0, 1);

const ok = (ms: number, from: 'iso' | 'mjd'): TimeResult =>
  inRange(ms)
    ? { ok: true, ms, mjd: msToMjd(ms), iso: msToIso(ms), from }
    : { ok: false, message: 'is outside the years 1000 to 9999' };

/** `+02:00` → +120 minutes; undefined/Z → 0. */
function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

function parseIso(match: RegExpExecArray): TimeResult {
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = match;
  const fields = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [year, month, day, hour, minute, second] = fields;
  const base = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(base);
  const valid =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!valid) return { ok: false, message: 'is not a calendar date and time' };
  const millis = Math.round(Number(`0.${frac || '0'}`) * 1000);
  return ok(base + millis - offsetMinutes(zone) * 60_000, 'iso');
}

/**
 * A time typed by a person: ISO 8601 (`2025-02-04`, `2025-02-04T21:34:05`, `… 21:34`, with
 * `.fff`, `Z` or `±hh:mm`; no zone = UTC) or an MJD (`60710.9`, `MJD 60710.9`).
 */
export function parseTimeInput(text: string): TimeResult {
  const input = text.trim();
  const mjd = MJD_RE.exec(input);
  if (mjd?.[1] !== undefined) return ok(mjdToMs(Number(mjd[1])), 'mjd');
  const iso = ISO_RE.exec(input);
  if (iso) return parseIso(iso);
  return { ok: false, message: 'is neither an ISO 8601 time (2025-02-04T21:34:05) nor an MJD' };
}
