import type { QuotaPermissions } from '@bdms/contract';

/**
 * Rucio's own rule for setting and removing account limits, mirrored exactly
 * (rucio/core/permission/generic.py, perm_set_local_account_limit / perm_set_global_account_limit
 * and the delete twins, Rucio 41):
 * - root, or any account with the attribute key `admin` (its presence; the value is not read);
 * - a country admin: attribute `country-<cc>` = "admin" (cc = everything after the first `-`)
 *   for an RSE whose attribute `country` equals cc; for a global limit every RSE the expression
 *   resolves to must be such an RSE (one without `country` fails it).
 */

export interface RucioAttribute {
  key: string;
  value: unknown;
}

export interface Actor {
  account: string;
  rucioAdmin: boolean;
  countries: string[];
}

export function actorFrom(account: string, attributes: readonly RucioAttribute[]): Actor {
  const countries = attributes
    .filter((a) => a.key.startsWith('country-') && a.value === 'admin')
    .map((a) => a.key.slice(a.key.indexOf('-') + 1));
  return {
    account,
    rucioAdmin: account === 'root' || attributes.some((a) => a.key === 'admin'),
    countries: [...new Set(countries)].sort(),
  };
}

/** RSE name → its `country` attribute (undefined when it has none). */
export type RseCountries = ReadonlyMap<string, unknown>;

export const mayLocal = (actor: Actor, rse: string, countries: RseCountries): boolean =>
  actor.rucioAdmin || isAdminCountry(actor, countries.get(rse));

export function mayGlobal(actor: Actor, resolved: readonly string[], countries: RseCountries) {
  if (actor.rucioAdmin) return true;
  return (
    actor.countries.length > 0 && resolved.every((rse) => isAdminCountry(actor, countries.get(rse)))
  );
}

const isAdminCountry = (actor: Actor, country: unknown): boolean =>
  typeof country === 'string' && actor.countries.includes(country);

export function permissionsOf(
  actor: Actor,
  portalAdmin: boolean,
  countries: RseCountries,
  adminGroup: string,
): QuotaPermissions {
  const rses = [...countries.keys()].filter((rse) => mayLocal(actor, rse, countries)).sort();
  let reason: string | null = null;
  if (!portalAdmin) reason = `Setting limits needs membership of the IAM group ${adminGroup}.`;
  else if (rses.length === 0) reason = rucioRefusal(actor);
  return {
    portalAdmin,
    account: actor.account,
    rucioAdmin: actor.rucioAdmin,
    countries: actor.countries,
    rses: portalAdmin ? rses : [],
    reason,
  };
}

/** Why Rucio would refuse this actor, in Rucio's terms. */
export const rucioRefusal = (actor: Actor, where?: string): string =>
  `Rucio does not let the account ${actor.account} set account limits${where ? ` on ${where}` : ''}: that needs root, the account attribute admin, or country-<cc>=admin for RSEs with country=<cc>${actor.countries.length ? ` (it is a country admin of ${actor.countries.join(', ')})` : ''}.`;
