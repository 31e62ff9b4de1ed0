import { Router } from 'express';
import type { RouteDef } from '@bdms/contract';
import { AppError } from '../errors.ts';

/**
 * A path the contract knows, asked with a method it does not: 405 with `Allow`, not a 404
 * (RFC 9110 §15.5.6). Mounted before authentication and CSRF checks: whether a method exists
 * does not depend on who asks. A path several route patterns match (a static segment beside a
 * `:param` one) allows the methods of all of them.
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
  const seen = new WeakMap<object, Set<string>>();
  for (const [path, methods] of allowed)
    router.all(path, (req, _res, next) => {
      const union = seen.get(req) ?? new Set<string>();
      for (const m of methods) union.add(m);
      seen.set(req, union);
      next();
    });
  router.use((req, res, next) => {
    const union = seen.get(req);
    if (!union || union.has(req.method)) {
      next();
      return;
    }
    const allow = [...union].join(', ');
    res.set('Allow', allow);
    throw new AppError(405, 'method_not_allowed', `This endpoint allows only ${allow}.`);
  });
  return router;
}
