import type { Response } from 'express';
import type { z } from 'zod';
import { checked } from './lib/checked.ts';

/**
 * Sends a body only after it has passed the contract schema: the SPA is typed by the same
 * schema, so a drift shows up here as a 500 with a log line instead of a confusing UI.
 */
export function respond<S extends z.ZodType>(
  res: Response,
  schema: S,
  body: z.input<S>,
  status = 200,
): void {
  res.status(status).set('Cache-Control', 'no-store').json(checked(schema, body));
}
