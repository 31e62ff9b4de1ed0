import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The Rucio account the session chose (PUT /api/me/account), for the Rucio calls made while
 * serving one request. It travels with the request's async work instead of through every
 * service's parameters, so that no call can leave it out: a capability added later gets it too.
 */
const acting = new AsyncLocalStorage<string | undefined>();

/** Runs `work` with its Rucio calls acting as `account`; undefined = the identity's default. */
export const actingAs = <T>(account: string | undefined, work: () => Promise<T>): Promise<T> =>
  acting.run(account, work);

/** The account the Rucio calls of this request act as, when the session chose one. */
export const actingAccount = (): string | undefined => acting.getStore();

const carriesToken = (value: unknown): value is { token: string; account?: unknown } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { token?: unknown }).token === 'string';

/** A call's options with the chosen account added, unless the call names an account itself. */
function withAccount(options: unknown): unknown {
  const account = acting.getStore();
  if (account === undefined || !carriesToken(options) || options.account !== undefined)
    return options;
  return { ...options, account };
}

/**
 * The Rucio port whose every call made with a user's token carries the chosen account (sent as
 * X-Rucio-Account by the client). Every member is wrapped, not a list of them, so a new endpoint
 * cannot be forgotten; calls without a token (ping) pass unchanged. A call that names an account
 * (choosing one checks it with whoami) keeps it.
 */
export function withActingAccount<P extends object>(rucio: P): P {
  const wrapped = Object.entries(rucio).map(([name, member]: [string, unknown]) => {
    if (typeof member !== 'function') return [name, member];
    const call = member as (...args: unknown[]) => unknown;
    return [name, (options: unknown, ...rest: unknown[]) => call(withAccount(options), ...rest)];
  });
  // Same members with the same signatures: only the first argument's `account` may be added.
  return Object.fromEntries(wrapped) as P;
}
