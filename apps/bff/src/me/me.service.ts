import type { Me, MyAccounts } from '@bdms/contract';
import { AppError } from '../errors.ts';
import { activeAccount } from '../auth/active-account.ts';
import type { SessionUser } from '../auth/session-data.ts';
import type { ReferenceCache } from '../lib/reference-cache.ts';
import type { RucioPort } from '../rucio-port.ts';

export interface MeDeps {
  rucio: Pick<RucioPort, 'whoami' | 'listIdentityAccounts'>;
  /** The configured issuer, for sessions from before the issuer was kept with the user. */
  issuer: string;
  /** Who is an admin is decided in one place (auth/require-admin.ts); the service only asks. */
  isAdmin: (user: SessionUser) => boolean;
  cache: ReferenceCache;
}

export function createMeService(deps: MeDeps) {
  const active = (user: SessionUser, token: string) => activeAccount(deps, user, token);

  async function accounts(user: SessionUser, token: string): Promise<MyAccounts> {
    const [all, current] = await Promise.all([
      deps.cache.get(`accounts|${user.sub}`, async () => ({
        names: await deps.rucio.listIdentityAccounts({
          token,
          identity: identityOf(user, deps.issuer),
          type: 'OIDC',
        }),
      })),
      active(user, token),
    ]);
    return { accounts: [...all.names].sort(), active: current.account };
  }

  return {
    accounts,

    /**
     * Act as another of the identity's accounts. Refused when the identity does not map to it.
     * Rucio 41 acts as the identity's default account for every JWT and ignores X-Rucio-Account
     * (rucio/rucio#8380), so a choice other than that account is reported as not honoured rather
     * than pretended; the answer is checked with Rucio each time, so a Rucio that honours it is
     * noticed. The route keeps an accepted choice in the session.
     */
    async choose(user: SessionUser, token: string, account: string): Promise<MyAccounts> {
      const mine = await accounts(user, token);
      if (!mine.accounts.includes(account))
        throw new AppError(
          403,
          'forbidden',
          `Your identity is not mapped to the Rucio account "${account}". Yours: ${mine.accounts.join(', ')}.`,
        );
      if (account === mine.active) return mine;
      const actsAs = await deps.rucio.whoami({ token, account });
      if (actsAs !== account)
        throw new AppError(
          409,
          'rucio_refused',
          `Rucio acts as your default account "${actsAs}" for sign-ins with a token and does not switch to "${account}" (Rucio 41 ignores the requested account; rucio/rucio#8380). Ask a Rucio administrator to make "${account}" your default account if you need it.`,
        );
      return { accounts: mine.accounts, active: account };
    },

    /** The user from the ID token, plus the Rucio account their token maps to. */
    async describe(user: SessionUser, token: string): Promise<Me> {
      // The account an identity maps to changes rarely; cached per user like other reference data.
      const { account } = await active(user, token);
      return {
        sub: user.sub,
        username: user.username,
        name: user.name,
        email: user.email,
        groups: user.groups,
        account,
        isAdmin: deps.isAdmin(user),
      };
    },
  };
}

/** Rucio's identity string for an OIDC user (core/oidc.py oidc_identity_string). */
const identityOf = (user: SessionUser, issuer: string): string =>
  `SUB=${user.sub}, ISS=${user.iss ?? issuer}`;

export type MeService = ReturnType<typeof createMeService>;
