import { AccountDto } from '../schemas.ts';
import type { AuthOptions, Transport } from '../transport.ts';
import { RucioPayloadError } from '../errors.ts';

const REDIRECTS = [301, 302, 303, 307, 308];

/**
 * GET /accounts/whoami answers 303 → /accounts/<account>. The redirect is followed by hand so the
 * token header provably goes only to our own base URL, then the account record is fetched and
 * validated. Returns the account name.
 */
export const whoami =
  (t: Transport) =>
  async (auth: AuthOptions): Promise<string> => {
    const path = '/accounts/whoami';
    const { response, done } = await t.send(path, {
      ...auth,
      redirect: 'manual',
      accept: 'application/json',
      expect: REDIRECTS,
    });
    try {
      if (response.ok) return t.parse(path, AccountDto, await response.json()).account;
      await response.body?.cancel();
      // Rucio 41 sends a relative Location (`root`), resolved against /accounts/whoami.
      const location = response.headers.get('location') ?? '';
      const target = URL.parse(location, `http://rucio.invalid${path}`);
      const match = target ? /\/accounts\/([^/]+)\/?$/.exec(target.pathname) : null;
      if (!match?.[1])
        throw new RucioPayloadError(path, `unexpected redirect to ${JSON.stringify(location)}`);
      return (await getAccount(t)({ ...auth, name: decodeURIComponent(match[1]) })).account;
    } finally {
      done();
    }
  };

/**
 * GET /accounts/whoami with the redirect left unfollowed: the cheapest call that makes Rucio
 * validate the token and, for a JWT it has not seen, store it (one request). Rucio's refusal
 * (401 and the like) is thrown as usual.
 */
export const primeToken =
  (t: Transport) =>
  async (auth: AuthOptions): Promise<void> => {
    const { response, done } = await t.send('/accounts/whoami', {
      ...auth,
      redirect: 'manual',
      accept: 'application/json',
      expect: REDIRECTS,
    });
    try {
      await response.body?.cancel();
    } finally {
      done();
    }
  };

/** GET /accounts/<name>. */
export const getAccount =
  (t: Transport) =>
  ({ name, ...auth }: AuthOptions & { name: string }): Promise<AccountDto> =>
    t.json(`/accounts/${encodeURIComponent(name)}`, AccountDto, auth);
