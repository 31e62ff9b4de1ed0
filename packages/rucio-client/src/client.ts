import { getAccount, whoami } from './endpoints/accounts.ts';
import { authUserpass } from './endpoints/auth.ts';
import { listContents } from './endpoints/dids.ts';
import { listIdentityAccounts } from './endpoints/identities.ts';
import { ping } from './endpoints/ping.ts';
import { listScopes } from './endpoints/scopes.ts';
import { createTransport, type RucioClientOptions } from './transport.ts';

/** A Rucio REST client bound to one server. Tokens are passed per call: one client serves every user. */
export function createRucioClient(options: RucioClientOptions) {
  const t = createTransport(options);
  return {
    baseUrl: options.baseUrl,
    ping: ping(t),
    authUserpass: authUserpass(t),
    whoami: whoami(t),
    getAccount: getAccount(t),
    listScopes: listScopes(t),
    listContents: listContents(t),
    listIdentityAccounts: listIdentityAccounts(t),
  };
}

export type RucioClient = ReturnType<typeof createRucioClient>;
