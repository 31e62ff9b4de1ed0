import type { Me } from '@bdms/contract';
import type { SessionUser } from '../auth/session-data.ts';
import type { ReferenceCache } from '../lib/reference-cache.ts';
import type { RucioPort } from '../rucio-port.ts';

export interface MeDeps {
  rucio: Pick<RucioPort, 'whoami'>;
  /** Who is an admin is decided in one place (auth/require-admin.ts); the service only asks. */
  isAdmin: (user: SessionUser) => boolean;
  cache: ReferenceCache;
}

export function createMeService(deps: MeDeps) {
  return {
    /** The user from the ID token, plus the Rucio account their token maps to. */
    async describe(user: SessionUser, token: string): Promise<Me> {
      // The account an identity maps to changes rarely; cached per user like other reference data.
      const { account } = await deps.cache.get(`whoami|${user.sub}`, async () => ({
        account: await deps.rucio.whoami({ token }),
      }));
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

export type MeService = ReturnType<typeof createMeService>;
