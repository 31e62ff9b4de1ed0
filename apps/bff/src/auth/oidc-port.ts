/**
 * What the BFF needs from the OpenID provider. The real implementation is oidc-client.ts
 * (openid-client v6); unit tests inject a stub of this interface, never a fake IdP server.
 */
export interface LoginStart {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface TokenResult {
  accessToken: string;
  refreshToken: string | undefined;
  idToken: string | undefined;
  expiresAt: number;
  /** Verified ID-token claims (present after a code grant; may be absent after a refresh). */
  claims: Record<string, unknown> | undefined;
}

export interface CallbackChecks {
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** A refresh for another token than the session's own: IAM narrows to this audience and scope. */
export interface RefreshOptions {
  audience: string;
  scope: string;
}

export interface OidcPort {
  /** Builds the authorization URL with fresh state, nonce and PKCE S256 verifier. */
  startLogin(redirectUri: string): Promise<LoginStart>;
  /** Code grant; validates state, nonce, iss, aud and the ID token. Throws AppError on failure. */
  finishLogin(callbackUrl: URL, checks: CallbackChecks): Promise<TokenResult>;
  /**
   * Refresh grant (by default for the session's own token: Rucio's audience, every scope). Throws
   * AppError 401 session_expired on invalid_grant, 403 forbidden on invalid_scope (asked beyond
   * the grant), 503 idp_unavailable otherwise.
   */
  refresh(refreshToken: string, options?: RefreshOptions): Promise<TokenResult>;
  /** Best effort: the session ends even if the IdP cannot be reached. */
  revoke(refreshToken: string): Promise<void>;
  /** The IdP end-session URL, or undefined when discovery advertises no end_session_endpoint. */
  /** RP-initiated logout by client_id: no id_token_hint, so no token ever travels through the browser. */
  endSessionUrl(params: { postLogoutRedirectUri: string }): Promise<URL | undefined>;
  /** Fetches discovery afresh (for /api/health); resolves to the advertised issuer. */
  probe(signal: AbortSignal): Promise<string>;
}
