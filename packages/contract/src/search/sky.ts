/*
 * Sky positions in ICRS degrees: reading what astronomers type (decimal degrees or sexagesimal),
 * writing it back, and the angle between two positions.
 */

export const RAD = Math.PI / 180;

export type AngleResult = { ok: true; deg: number } | { ok: false; message: string };

const fail = (message: string): AngleResult => ({ ok: false, message });

const DECIMAL = String.raw`(\d+(?:\.\d*)?|\.\d+)`;
const INT = String.raw`(\d{1,3})`;
const DEG_RE = new RegExp(String.raw`^([+-]?)${DECIMAL}\s*(?:d|deg|°)?$`, 'i');
const HOURS_RE = new RegExp(String.raw`^${DECIMAL}\s*h$`, 'i');
/** `05:34:31.9`, `05 34 31.9`, `05h34m31.9s`, `+22°00′52″`, `-00d30m`, `05:34.5`. */
const SEXA_RE = new RegExp(
  String.raw`^([+-]?)${INT}\s*(?:[:\sdh°]|deg)\s*(?:(\d{1,2})\s*[:\sm'′]\s*)?${DECIMAL}?\s*[s"″]?$`,
  'i',
);

interface Sexagesimal {
  negative: boolean;
  whole: number;
  minutes: number;
  seconds: number;
}

/** Splits `d:m:s`, `d:m.m` and `d m s`; undefined when the text is not sexagesimal. */
function readSexagesimal(text: string): Sexagesimal | undefined {
  const match = SEXA_RE.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '0', minutes, last] = match;
  // With two fields, the second holds the (decimal) minutes.
  const [m, s] =
    minutes === undefined ? [Number(last ?? 0), 0] : [Number(minutes), Number(last ?? 0)];
  return { negative: sign === '-', whole: Number(whole), minutes: m, seconds: s };
}

const sexagesimalValue = (p: Sexagesimal): number => p.whole + p.minutes / 60 + p.seconds / 3600;
const fieldsValid = (p: Sexagesimal): boolean => p.minutes < 60 && p.seconds < 60;

/** Right ascension: decimal degrees (`83.633`), hours (`5.5755h`) or h:m:s (`05:34:31.94`). */
export function parseRa(text: string): AngleResult {
  const input = text.trim();
  const deg = DEG_RE.exec(input);
  if (deg) {
    const value = Number(deg[2]);
    if (deg[1] === '-' || value > 360) return fail('RA in degrees must be between 0 and 360');
    return { ok: true, deg: value === 360 ? 0 : value };
  }
  const hours = HOURS_RE.exec(input);
  if (hours) {
    const value = Number(hours[1]);
    return value < 24 ? { ok: true, deg: value * 15 } : fail('RA in hours must be below 24');
  }
  const parts = readSexagesimal(input);
  if (!parts || parts.negative) return fail('is not an RA: write 83.633 or 05:34:31.94');
  if (parts.whole >= 24 || !fieldsValid(parts)) return fail('RA h:m:s needs h < 24, m and s < 60');
  return { ok: true, deg: sexagesimalValue(parts) * 15 };
}

/** Declination: decimal degrees (`-30.2256`) or ±d:m:s (`-30:13:32.1`, `+22°00′52″`). */
export function parseDec(text: string): AngleResult {
  const input = text.trim();
  const deg = DEG_RE.exec(input);
  const parts = deg || /h/i.test(input) ? undefined : readSexagesimal(input);
  if (!deg && !parts) return fail('is not a declination: write -30.2256 or -30:13:32.1');
  const negative = deg ? deg[1] === '-' : (parts?.negative ?? false);
  if (parts && !fieldsValid(parts)) return fail('declination d:m:s needs m and s < 60');
  const magnitude = deg ? Number(deg[2]) : sexagesimalValue(parts as Sexagesimal);
  if (magnitude > 90) return fail('declination must be between -90 and +90');
  return { ok: true, deg: negative ? -magnitude : magnitude };
}

/** `whole:mm:ss.s…` from a non-negative value in units of `whole`, rounding carried upwards. */
function sexagesimal(value: number, decimals: number, wrap?: number): string {
  const scale = 10 ** decimals;
  let units = Math.round(value * 3600 * scale);
  if (wrap !== undefined) units %= wrap * 3600 * scale;
  const whole = Math.floor(units / (3600 * scale));
  const minutes = Math.floor(units / (60 * scale)) % 60;
  const seconds = (units % (60 * scale)) / scale;
  const secondsText = seconds.toFixed(decimals).padStart(decimals > 0 ? 3 + decimals : 2, '0');
  return `${String(whole).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${secondsText}`;
}

/** `05:34:31.94`: RA degrees as hours, minutes, seconds. */
export const formatRa = (deg: number, decimals = 2): string =>
  sexagesimal((((deg % 360) + 360) % 360) / 15, decimals, 24);

/** `+22:00:52.2`: declination with its sign always written. */
export const formatDec = (deg: number, decimals = 1): string =>
  `${deg < 0 ? '-' : '+'}${sexagesimal(Math.abs(deg), decimals)}`;

/**
 * Angle between two positions in degrees, by Vincenty's formula: accurate at every separation,
 * from coincident points to antipodes (the haversine loses precision near 180°, the cosine law
 * near 0°).
 */
export function angularDistance(ra1: number, dec1: number, ra2: number, dec2: number): number {
  const dRa = (ra2 - ra1) * RAD;
  const [sin1, cos1] = [Math.sin(dec1 * RAD), Math.cos(dec1 * RAD)];
  const [sin2, cos2] = [Math.sin(dec2 * RAD), Math.cos(dec2 * RAD)];
  const x = cos2 * Math.sin(dRa);
  const y = cos1 * sin2 - sin1 * cos2 * Math.cos(dRa);
  const z = sin1 * sin2 + cos1 * cos2 * Math.cos(dRa);
  return Math.atan2(Math.hypot(x, y), z) / RAD;
}
