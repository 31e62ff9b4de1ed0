import { SearchControl, type SearchQueryInput } from '@bdms/contract';
import { demoUser } from '@bdms/dev-fixtures';
import { login, RUCIO_URL, storedSessions, type TestBff } from './bff.ts';

/*
 * What the search tests compare: the portal's answer (GET /api/search) and Rucio's own REST
 * answer to the same filter with the same user's token, asked here with plain fetch and
 * filters written by hand (not the portal's code), so the two sides are independent.
 */

export interface Signed {
  cookie: string;
  /** The signed-in user's access token, as the BFF holds it in the session. */
  token: string;
}

export async function signIn(bff: TestBff): Promise<Signed> {
  const { cookie } = await login(bff, demoUser('astronomer'));
  const session = Object.values(await storedSessions(bff))[0];
  if (!session) throw new Error('no session stored');
  return { cookie, token: session.tokens.accessToken };
}

export type Line = Record<string, unknown>;

export interface PortalAnswer {
  status: number;
  rows: Line[];
  control: SearchControl[];
  trailer: Line | undefined;
}

export const searchUrl = (bff: TestBff, query: SearchQueryInput, extra = ''): string =>
  `${bff.url}/api/search?q=${encodeURIComponent(JSON.stringify(query))}${extra}`;

export async function portalSearch(
  bff: TestBff,
  who: Signed,
  query: SearchQueryInput,
  extra = '',
): Promise<PortalAnswer> {
  const res = await fetch(searchUrl(bff, query, extra), { headers: { Cookie: who.cookie } });
  const lines = (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
  return {
    status: res.status,
    rows: lines.filter((l) => 'scope' in l),
    control: lines.filter((l) => !('scope' in l)).map((l) => SearchControl.parse(l)),
    trailer: lines.at(-1),
  };
}

export const didKey = (r: Record<string, unknown>): string =>
  `${String(r.scope)}:${String(r.name)}`;

const rucioHeaders = (token: string) => ({
  'X-Rucio-Auth-Token': token,
  Accept: 'application/x-json-stream',
});

/** Rucio's names for a `filters` literal written by hand, one scope. */
export async function rucioNames(token: string, scope: string, filters: string): Promise<string[]> {
  const params = new URLSearchParams({ type: 'all', long: 'false', filters });
  const res = await fetch(`${RUCIO_URL}/dids/${scope}/dids/search?${params.toString()}`, {
    headers: rucioHeaders(token),
  });
  if (!res.ok) throw new Error(`Rucio search ${res.status}: ${await res.text()}`);
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as string);
}

/** Rucio's bulk metadata of these DIDs, 1 000 a call. */
export async function rucioMeta(
  token: string,
  dids: { scope: string; name: string }[],
  plugin: 'JSON' | 'DID_COLUMN',
): Promise<Line[]> {
  const out: Line[] = [];
  for (let i = 0; i < dids.length; i += 1000) {
    const res = await fetch(`${RUCIO_URL}/dids/bulkmeta`, {
      method: 'POST',
      headers: { ...rucioHeaders(token), 'Content-Type': 'application/json' },
      body: JSON.stringify({ dids: dids.slice(i, i + 1000), inherit: false, plugin }),
    });
    if (!res.ok) throw new Error(`Rucio bulkmeta ${res.status}`);
    for (const l of (await res.text()).split('\n').filter(Boolean)) out.push(JSON.parse(l) as Line);
  }
  return out;
}

/** Rucio's DIDs for the filter over several scopes, with their DID type (DID_COLUMN metadata). */
export async function rucioDids(
  token: string,
  scopes: string[],
  filters: string,
): Promise<{ key: string; type: string; meta: Line }[]> {
  const out: { key: string; type: string; meta: Line }[] = [];
  for (const scope of scopes) {
    const dids = (await rucioNames(token, scope, filters)).map((name) => ({ scope, name }));
    for (const meta of await rucioMeta(token, dids, 'DID_COLUMN'))
      out.push({ key: didKey(meta), type: String(meta.did_type), meta });
  }
  return out;
}

/** Great-circle distance in degrees (haversine), written here rather than taken from the contract. */
export function separation(ra1: number, dec1: number, ra2: number, dec2: number): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((dec2 - dec1) * r) / 2) ** 2 +
    Math.cos(dec1 * r) * Math.cos(dec2 * r) * Math.sin(((ra2 - ra1) * r) / 2) ** 2;
  return (2 * Math.asin(Math.min(1, Math.sqrt(h)))) / r;
}

/** DIDs of `filters` (a box that holds the cone) whose pointing lies within `radius` of (ra, dec). */
export async function rucioCone(
  token: string,
  scopes: string[],
  filters: string,
  cone: { ra: number; dec: number; radius: number },
): Promise<{ inside: string[]; box: number }> {
  const inside: string[] = [];
  let box = 0;
  for (const scope of scopes) {
    const dids = (await rucioNames(token, scope, filters)).map((name) => ({ scope, name }));
    box += dids.length;
    for (const m of await rucioMeta(token, dids, 'JSON')) {
      const { ra_pnt: ra, dec_pnt: dec } = m as { ra_pnt?: number; dec_pnt?: number };
      if (
        ra !== undefined &&
        dec !== undefined &&
        separation(cone.ra, cone.dec, ra, dec) <= cone.radius
      )
        inside.push(didKey(m));
    }
  }
  return { inside, box };
}
