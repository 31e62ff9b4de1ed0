import type { RequestHandler } from 'express';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { signedIn } from './require-session.ts';
import type { SessionUser } from './session-data.ts';

/**
 * The one place that decides who is a portal admin: a member of the configured IAM group, as
 * asserted in the tokens at sign-in. Rucio still checks its own permissions on every admin call
 * (its account must be root, carry the `admin` attribute, or be a country admin), so a portal
 * admin whose Rucio account may not do something is refused by Rucio too.
 */
export const isAdmin = (user: Pick<SessionUser, 'groups'>, config: Pick<Config, 'adminGroup'>) =>
  user.groups.includes(config.adminGroup);

/** 403 `forbidden` unless the signed-in user is an admin; mount after requireSession. */
export const requireAdmin =
  (config: Pick<Config, 'adminGroup'>): RequestHandler =>
  (req, _res, next) => {
    if (!isAdmin(signedIn(req).user, config)) {
      throw new AppError(
        403,
        'forbidden',
        `This needs portal administrator rights (membership of the IAM group ${config.adminGroup}).`,
      );
    }
    next();
  };
