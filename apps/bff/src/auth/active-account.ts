import type { ReferenceCache } from '../lib/reference-cache.ts';
import type { RucioPort } from '../rucio-port.ts';
import { actingAccount } from './acting-account.ts';
import type { SessionUser } from './session-data.ts';

/**
 * The Rucio account the request acts as, cached like reference data. Per chosen account too:
 * whoami answers for the account the call acts as. Shared with the rules (whose rules are "mine").
 */
export const activeAccount = (
  deps: { rucio: Pick<RucioPort, 'whoami'>; cache: ReferenceCache },
  user: Pick<SessionUser, 'sub'>,
  token: string,
) =>
  deps.cache.get(`whoami|${user.sub}|${actingAccount() ?? ''}`, async () => ({
    account: await deps.rucio.whoami({ token }),
  }));
