import { Router } from 'express';
import type { RouteDef } from '@bdms/contract';
import { AppError } from '../errors.ts';

/**
 * A path the contract knows, asked with a method it does not: 405 with `Allow`, not a 404
 * (RFC 9110 §15.5.6). Mounted before authentication and CSRF checks: whether a method exists
 * does not depend on who asks.
 */
export function methodNotAllowed(routes: readonly RouteDef[]): Router {
  const allowed = new Map<string, Set<string>>();
  for (const def of routes) {
    const methods = allowed.get(def.path) ?? new Set<string>();
    methods.add(def.method.toUpperCase());
    if (def.method === 'get') methods.add('HEAD');
    allowed.set(def.path, methods);
  }
  const router = Router();
  for (const [path, methods] of allowed) {
    const allow = [...methods].join(', ');
    router.all(path, (req, res, next) => {
      if (methods.has(req.method)) {
        next();
        return;
      }
      res.set('Allow', allow);
      throw new AppError(405, 'method_not_allowed', `This endpoint allows only ${allow}.`);
    });
  }
  return router;
}
