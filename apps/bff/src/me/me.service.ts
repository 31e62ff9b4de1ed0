import type { Me } from '@bdms/contract';
import type { SessionUser } from '../auth/session-data.ts';
import type { RucioPort } from '../rucio-port.ts';

export function createMeService(deps: { rucio: Pick<RucioPort, 'whoami'>; adminGroup: string }) {
  return {
    /** The user from the ID token, plus the Rucio account their token maps to. */
    async describe(user: SessionUser, token: string): Promise<Me> {
      const account = await deps.rucio.whoami(token);
      return {
        sub: user.sub,
        username: user.username,
        name: user.name,
        email: user.email,
        groups: user.groups,
        account,
        isAdmin: user.groups.includes(deps.adminGroup),
      };
    },
  };
}

export type MeService = ReturnType<typeof createMeService>;
