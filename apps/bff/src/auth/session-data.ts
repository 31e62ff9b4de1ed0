/** What the server keeps per signed-in browser. None of it is ever sent to the browser. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string | undefined;
  idToken: string | undefined;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
}

export interface SessionUser {
  sub: string;
  /** The issuer as the tokens carry it (Rucio's identity is `SUB=<sub>, ISS=<iss>`). */
  iss?: string | undefined;
  username: string;
  name: string | undefined;
  email: string | undefined;
  /** WLCG groups (leading slash) asserted at login. */
  groups: string[];
}
