/**
 * IAM's token endpoint where oidc-provider differs (AUTH.md §1 "Requesting an audience"):
 * - `audience=<any string>` chooses the access token's `aud` at the token endpoint too (refresh,
 *   client_credentials); oidc-provider only knows RFC 8707 `resource` there, so it becomes the
 *   resource indicator `urn:x-aud:<audience>`, as at the authorization endpoint.
 * - A refresh may ask for another audience and for storage scopes narrower than granted
 *   (`storage.read:/ctao` under a granted `storage.read:/`). oidc-provider refuses both: its
 *   refresh token lists resources and exact scopes. So before such a refresh the refresh token
 *   and its grant learn the audience and the narrower scopes — only when the refresh token,
 *   presented by its own client, already covers every scope asked for. Anything else is left to
 *   oidc-provider, which refuses it (invalid_scope, invalid_grant) as before.
 *
 * The body is parsed here and handed on as a parsed body, which oidc-provider accepts (it
 * prints a one-time notice about an upstream parser).
 */
import type { IncomingMessage } from 'node:http';
import type Provider from 'oidc-provider';
import { audienceIndicator } from './resources.ts';
import { coveredBy } from './wlcg-scopes.ts';

type KoaMiddleware = Parameters<Provider['use']>[0];
type KoaContext = Parameters<KoaMiddleware>[0];

const BODY_LIMIT = 56 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new Error('token request body too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** The client id, when the request authenticates as that client (secret basic or post). */
async function authenticatedClientId(
  provider: Provider,
  ctx: KoaContext,
  body: URLSearchParams,
): Promise<string | undefined> {
  const [scheme, encoded = ''] = (ctx.get('authorization') || '').split(' ');
  let id = body.get('client_id') ?? undefined;
  let secret = body.get('client_secret') ?? undefined;
  if (scheme?.toLowerCase() === 'basic') {
    const [user = '', pass = ''] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
    try {
      [id, secret] = [decodeURIComponent(user), decodeURIComponent(pass)];
    } catch {
      return undefined; // malformed: oidc-provider's own client authentication refuses it
    }
  }
  if (!id || !secret) return undefined;
  const client = await provider.Client.find(id);
  return client?.clientSecret === secret ? id : undefined;
}

async function allowNarrowerRefresh(
  provider: Provider,
  ctx: KoaContext,
  body: URLSearchParams,
): Promise<void> {
  const value = body.get('refresh_token');
  const clientId = value ? await authenticatedClientId(provider, ctx, body) : undefined;
  const token = value && clientId ? await provider.RefreshToken.find(value) : undefined;
  if (!token || token.clientId !== clientId || token.isExpired || token.consumed) return;
  const granted = token.scopes;
  const requested = (body.get('scope') ?? '').split(' ').filter(Boolean);
  if (!requested.every((s) => coveredBy(granted, s))) return;
  const narrower = requested.filter((s) => !granted.has(s));
  const resource = body.get('resource');
  const known = [...token.resourceIndicators].filter((r): r is string => typeof r === 'string');
  if (narrower.length === 0 && (!resource || known.includes(resource))) return;
  const grant = token.grantId ? await provider.Grant.find(token.grantId) : undefined;
  const target = resource ?? known[0];
  if (!grant || !target) return;

  token.scope = [...granted, ...narrower].join(' ');
  if (!known.includes(target)) token.resource = [...known, target];
  // What the grant gives this audience: the scopes asked for, else all the refresh token has.
  const forTarget = requested.length > 0 ? requested : [...granted];
  grant.addResourceScope(target, forTarget.filter((s) => coveredBy(granted, s)).join(' '));
  await Promise.all([token.save(), grant.save()]);
}

export function iamTokenParams(provider: Provider, tokenPath: string): KoaMiddleware {
  return async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== tokenPath || !ctx.is('urlencoded')) {
      await next();
      return;
    }
    const body = await readForm(ctx.req);
    const audience = body.get('audience');
    body.delete('audience');
    if (audience && !body.has('resource')) body.set('resource', audienceIndicator(audience));
    if (body.get('grant_type') === 'refresh_token') await allowNarrowerRefresh(provider, ctx, body);
    (ctx.req as IncomingMessage & { body?: string }).body = body.toString();
    await next();
  };
}
