/**
 * MAP_TILE_URL: an optional XYZ raster tile server for the SPA's maps. Without one the maps draw
 * the bundled world outline and need no network (tests, closed networks). Every browser reads
 * the template, so it must carry no secret a browser should not see.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

export interface MapTiles {
  /** The template as configured, e.g. https://tile.example.org/{z}/{x}/{y}.png */
  url: string;
  /** Shown in the map's corner (most tile servers' terms require one). */
  attribution: string;
  /** Where the browser loads the tiles from: allowed in the CSP's img-src. */
  origin: string;
}

const PLACEHOLDERS = ['{z}', '{x}', '{y}'] as const;
const EXAMPLE = 'https://tile.example.org/{z}/{x}/{y}.png';

/** localhost, 127.0.0.0/8 and ::1: a tile server on the viewer's own machine (development). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return isIP(host) === 6 && host === '::1';
}

/** What is wrong with a template (empty when nothing), and its origin when it is a URL at all. */
function inspect(template: string): { problems: string[]; origin?: string } {
  const problems: string[] = [];
  const missing = PLACEHOLDERS.filter((p) => !template.includes(p));
  if (missing.length > 0)
    problems.push(`must contain {z}, {x} and {y} (missing ${missing.join(' ')})`);
  const unknown = (template.match(/\{[^}]*\}/g) ?? []).filter(
    (p) => !(PLACEHOLDERS as readonly string[]).includes(p),
  );
  if (unknown.length > 0)
    problems.push(`only {z}, {x} and {y} are filled in, not ${unknown.join(' ')}`);
  let url: URL;
  try {
    url = new URL(template.replace(/\{[^}]*\}/g, '0'));
  } catch {
    return { problems: [...problems, `must be a URL template like ${EXAMPLE}`] };
  }
  const authority = /^[a-z][a-z\d+.-]*:\/\/([^/?#]*)/i.exec(template)?.[1] ?? '';
  if (authority.includes('{'))
    problems.push('placeholders belong in the path or query: the CSP allows one tile origin');
  if (url.username || url.password)
    problems.push('must not carry a user or password: every browser reads the template');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    problems.push('must be https:// (http:// only for a loopback host such as 127.0.0.1)');
  else if (url.protocol !== 'https:' && url.protocol !== 'http:')
    problems.push(`must be https://, not ${url.protocol}`);
  return { problems, origin: url.origin };
}

/** The env variable: unset or empty → undefined; otherwise a valid template with its origin. */
export const mapTileUrl = z
  .string()
  .optional()
  .transform((value, ctx): { url: string; origin: string } | undefined => {
    const url = value?.trim() ?? '';
    if (url === '') return undefined;
    const { problems, origin } = inspect(url);
    for (const message of problems) ctx.addIssue({ code: 'custom', message });
    return problems.length === 0 && origin ? { url, origin } : undefined;
  });
