import type { Request } from 'express';
import { signedIn } from '../auth/require-session.ts';
import type { Owner } from './links.repo.ts';

/** Who makes a link: its owner (kept with the row) and the actor (in the audit trail). */
export function linkOwner(
  req: Request,
  issuer: string,
): { owner: Owner; actor: { sub: string; username: string } } {
  const { user } = signedIn(req);
  return {
    owner: { sub: user.sub, iss: user.iss ?? issuer, username: user.username },
    actor: { sub: user.sub, username: user.username },
  };
}
