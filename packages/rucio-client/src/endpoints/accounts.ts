import { AccountDto } from '../schemas.ts';
import type { AuthOptions, Transport } from '../transport.ts';
import { RucioPayloadError } from '../errors.ts';

const REDIRECTS = [301, 302, 303, 307, 308];

const WHOAMI = '/accounts/whoami';

/** GET /accounts/whoami, its redirect handed back unfollowed (a token never leaves our base). */
const askWhoami = (t: Transport, auth: AuthOptions) =>
  t.send(WHOAMI, { ...auth, redirect: 'manual', accept: 'application/json', expect: REDIRECTS });

/**
 * GET /accounts/whoami answers 303 → /accounts/<account>. The redirect is followed by hand so the
 * token header provably goes only to our own base URL, then the account record is fetched and
 * validated. Returns the account name.
 */
export const whoami =
  (t: Transport) =>
  async (auth: AuthOptions): Promise<string> => {
    const { response, done } = await askWhoami(t, auth);
    try {
      if (response.ok)
        return t.parse(WHOAMI, AccountDto, JSON.parse(await response.text())).account;
      await response.discard();
      // Rucio 41 sends a relative Location (`root`), resolved against /accounts/whoami.
      const location = response.header('location') ?? '';
      const target = URL.parse(location, `http://rucio.invalid${WHOAMI}`);
      const match = target ? /\/accounts\/([^/]+)\/?$/.exec(target.pathname) : null;
      if (!match?.[1])
        throw new RucioPayloadError(WHOAMI, `unexpected redirect to ${JSON.stringify(location)}`);
      return (await getAccount(t)({ ...auth, name: decodeURIComponent(match[1]) })).account;
    } finally {
      done();
    }
  };

/**
 * whoami's first request only, its answer dropped: the cheapest call that makes Rucio validate
 * the token and, for a JWT it has not seen, store it. Rucio's refusal (401…) is thrown as usual.
 */
export const primeToken =
  (t: Transport) =>
  async (auth: AuthOptions): Promise<void> => {
    const { response, done } = await askWhoami(t, auth);
    try {
      await response.discard();
    } finally {
      done();
    }
  };

/** GET /accounts/<name>. */
export const getAccount =
  (t: Transport) =>
  ({ name, ...auth }: AuthOptions & { name: string }): Promise<AccountDto> =>
    t.json(`/accounts/${encodeURIComponent(name)}`, AccountDto, auth);
