import 'express-session';
import type { SessionTokens, SessionUser } from './auth/session-data.ts';

declare module 'express-session' {
  interface SessionData {
    user: SessionUser;
    tokens: SessionTokens;
    /** Epoch ms of the login: the absolute session lifetime counts from here. */
    createdAt: number;
    /** The Rucio account chosen with PUT /api/me/account; unset = the identity's default. */
    account?: string;
  }
}
