import type { Request, RequestHandler, Response } from 'express';
import type { RouteDef } from '@bdms/contract';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

type Infer<S> = S extends z.ZodType ? z.infer<S> : never;

export interface Input<D extends RouteDef> {
  params: Infer<D['params']>;
  query: Infer<D['query']>;
  body: Infer<D['body']>;
}

/** What went wrong, naming the field, e.g. `path.name: is not a DID name (…)`. */
const describe = (where: string, error: z.ZodError): string =>
  error.issues.map((i) => `${[where, ...i.path.map(String)].join('.')}: ${i.message}`).join('; ');

function parse(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AppError(400, 'bad_request', `Invalid ${describe(where, parsed.error)}.`);
  return parsed.data;
}

/**
 * Validates a request against its route's contract (path parameters, query, JSON body) before the
 * handler runs, so a handler only ever sees well-formed input and Rucio never sees a dot segment
 * or a malformed scope. The parsed values are read with `inputOf`.
 */
export const validated =
  (def: RouteDef): RequestHandler =>
  (req, res, next) => {
    res.locals.input = {
      params: parse(def.params, req.params, 'path'),
      query: parse(def.query, req.query, 'query'),
      body: parse(def.body, req.body, 'body'),
    };
    next();
  };

/** The validated input of a route (after `validated(def)` ran). */
export const inputOf = <D extends RouteDef>(_req: Request, res: Response, _def: D): Input<D> =>
  res.locals.input as Input<D>;
