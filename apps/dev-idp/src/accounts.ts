/**
 * Demo users from @bdms/dev-fixtures as oidc-provider accounts. accountId is the user's UUID
 * `sub`, like IAM, so Rucio identities `SUB=<uuid>, ISS=<issuer>` map to them.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Account, AccountClaims, FindAccount } from 'oidc-provider';
import { DEMO_USERS, type DemoUser } from '@bdms/dev-fixtures';

export const userBySub = (sub: string): DemoUser | undefined =>
  DEMO_USERS.find((u) => u.sub === sub);

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Returns the user when username and password match a demo user (dev-only passwords). */
export function authenticate(username: string, password: string): DemoUser | undefined {
  const user = DEMO_USERS.find((u) => u.username === username);
  return user && sameText(user.password, password) ? user : undefined;
}

/**
 * WLCG groups asserted for a scope string: `wlcg.groups` gives all of the user's groups,
 * `wlcg.groups:/g` asks for one group (only if the user is a member), in request order, deduplicated.
 * Returns undefined when no wlcg.groups scope was requested (IAM then omits the claim).
 */
export function wlcgGroups(user: DemoUser, scope: string | undefined): string[] | undefined {
  const scopes = (scope ?? '').split(' ');
  if (!scopes.some((s) => s === 'wlcg.groups' || s.startsWith('wlcg.groups:'))) return undefined;
  const asserted: string[] = [];
  for (const s of scopes) {
    if (s.startsWith('wlcg.groups:')) {
      const group = s.slice('wlcg.groups:'.length);
      if (user.groups.includes(group)) asserted.push(group);
    }
  }
  if (scopes.includes('wlcg.groups')) asserted.push(...user.groups);
  return [...new Set(asserted)];
}

function claimsFor(user: DemoUser, scope: string | undefined): AccountClaims {
  const groups = wlcgGroups(user, scope);
  return {
    sub: user.sub,
    name: user.name,
    preferred_username: user.username,
    email: user.email,
    email_verified: true,
    ...(groups ? { 'wlcg.groups': groups, groups: groups.map((g) => g.replace(/^\//, '')) } : {}),
  };
}

export const findAccount: FindAccount = (_ctx, id) => {
  const user = userBySub(id);
  if (!user) return undefined;
  const account: Account = {
    accountId: user.sub,
    claims: (_use, scope) => claimsFor(user, scope),
  };
  return account;
};
