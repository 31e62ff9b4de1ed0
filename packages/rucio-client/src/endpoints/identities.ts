import { z } from 'zod';
import type { AuthOptions, Transport } from '../transport.ts';

/**
 * GET /identities/accounts?identity_key=…&type=OIDC: every Rucio account an identity maps to
 * (names only; Rucio does not say which is the default). Any authenticated account may ask.
 */
export const listIdentityAccounts =
  (t: Transport) =>
  ({
    identity,
    type,
    ...auth
  }: AuthOptions & { identity: string; type: 'OIDC' | 'X509' | 'USERPASS' }): Promise<string[]> =>
    t.json(
      `/identities/accounts?${new URLSearchParams({ identity_key: identity, type }).toString()}`,
      z.array(z.string()),
      auth,
    );
