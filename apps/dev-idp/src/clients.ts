/**
 * The registered clients (from DEV_CLIENTS) and the dev-only loopback rule: the portal may
 * use any http(s)://localhost|127.0.0.1:<port>/auth/callback (tests run the BFF on random ports,
 * over https too, to check its Secure cookies), like RFC 8252 §7.3 allows for native apps;
 * post-logout URIs may be any loopback URL. The command-line client is a native app, for which
 * oidc-provider itself accepts its loopback redirect on any port.
 */
import type Provider from 'oidc-provider';
import type { ClientMetadata } from 'oidc-provider';
import { DEV_CLI_CLIENT, DEV_CLIENTS } from '@bdms/dev-fixtures';
import { STATIC_SCOPES } from './resources.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const WEB_PROTOCOLS = new Set(['http:', 'https:']);

export function isLoopbackUrl(value: string): boolean {
  const url = URL.parse(value);
  return (
    url !== null &&
    WEB_PROTOCOLS.has(url.protocol) &&
    LOOPBACK_HOSTS.has(url.hostname) &&
    url.username === '' &&
    url.password === '' &&
    url.hash === ''
  );
}

export const isLoopbackCallback = (value: string): boolean =>
  isLoopbackUrl(value) && URL.parse(value)?.pathname === '/auth/callback';

const originsOf = (uris: string[]): string[] => [
  ...new Set(uris.map((u) => `${new URL(u).origin}/`)),
];

export function devClients(portalRedirectUris: string[]): ClientMetadata[] {
  return [
    {
      client_id: DEV_CLIENTS.portal.clientId,
      client_secret: DEV_CLIENTS.portal.clientSecret,
      client_name: 'CTAO BDMS Portal (dev)',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: portalRedirectUris,
      post_logout_redirect_uris: originsOf(portalRedirectUris),
      scope: STATIC_SCOPES.join(' '),
    },
    {
      client_id: DEV_CLIENTS.rucio.clientId,
      client_secret: DEV_CLIENTS.rucio.clientSecret,
      client_name: 'Rucio (dev)',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
    {
      // The BFF's signed download links: storage tokens of its own, never a user's. Its
      // parametric scopes are limited to LINKS_READ_SCOPE and below (wlcg-scopes.ts).
      client_id: DEV_CLIENTS.links.clientId,
      client_secret: DEV_CLIENTS.links.clientSecret,
      client_name: 'CTAO BDMS Portal download links (dev)',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
    {
      // A user's own command-line client (as oidc-agent registers one at IAM): public, code +
      // PKCE, a loopback redirect on any port (oidc-provider relaxes the port for native apps).
      client_id: DEV_CLI_CLIENT.clientId,
      client_name: 'Command-line tools (dev)',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [DEV_CLI_CLIENT.redirectUri],
      scope: STATIC_SCOPES.join(' '),
    },
  ];
}

/**
 * oidc-provider only relaxes the port for `application_type: native`, which would also change
 * other checks; instead extend the two allow-checks of the Client model for the portal client.
 */
export function allowLoopbackForPortal(provider: Provider): void {
  const proto = provider.Client.prototype;
  /* eslint-disable @typescript-eslint/unbound-method -- kept to be re-invoked with .call(this) below */
  const redirectAllowed = proto.redirectUriAllowed;
  const postLogoutAllowed = proto.postLogoutRedirectUriAllowed;
  /* eslint-enable @typescript-eslint/unbound-method */
  const isPortal = (clientId: string): boolean => clientId === DEV_CLIENTS.portal.clientId;

  proto.redirectUriAllowed = function redirectUriAllowed(value: string): boolean {
    return (
      redirectAllowed.call(this, value) || (isPortal(this.clientId) && isLoopbackCallback(value))
    );
  };
  proto.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(
    value: string,
  ): boolean {
    return postLogoutAllowed.call(this, value) || (isPortal(this.clientId) && isLoopbackUrl(value));
  };
}
