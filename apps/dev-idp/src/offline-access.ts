/**
 * IAM issues a refresh token whenever `offline_access` is requested by a client allowed the
 * refresh_token grant. oidc-provider follows OIDC Core §11 strictly and silently drops
 * `offline_access` from authorization requests whose `prompt` lacks `consent`
 * (actions/authorization/scopes.js), so the code would carry no offline_access and no refresh
 * token would be issued. To stay IAM-shaped without making the BFF send prompt=consent, add
 * `consent` to the prompt of such requests; our consent step is automatic, so users see nothing.
 * (Only GET authorization requests are rewritten — the BFF and openid-client use GET.)
 */
import type Provider from 'oidc-provider';
import type { Client } from 'oidc-provider';

type KoaMiddleware = Parameters<Provider['use']>[0];

export function keepOfflineAccess(authorizationPath: string): KoaMiddleware {
  return async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === authorizationPath) {
      const query = new URLSearchParams(ctx.querystring);
      const scopes = (query.get('scope') ?? '').split(' ');
      const prompt = (query.get('prompt') ?? '').split(' ').filter(Boolean);
      // prompt=none must stay silent: there, dropping offline_access is the right outcome.
      if (
        scopes.includes('offline_access') &&
        !prompt.includes('consent') &&
        !prompt.includes('none')
      ) {
        query.set('prompt', [...prompt, 'consent'].join(' '));
        ctx.querystring = query.toString();
      }
    }
    await next();
  };
}

interface RefreshSource {
  scopes: Set<string>;
}

/** Refresh token iff the client may refresh and offline_access was granted (IAM's rule). */
export const issueRefreshToken = (_ctx: unknown, client: Client, source: RefreshSource): boolean =>
  client.grantTypeAllowed('refresh_token') && source.scopes.has('offline_access');
