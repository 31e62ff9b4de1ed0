import type { Response } from 'express';
import type { z } from 'zod';
import { AppError } from './errors.ts';

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
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new AppError(500, 'internal', 'The portal server produced an invalid answer.', {
      cause: parsed.error,
    });
  }
  res.status(status).set('Cache-Control', 'no-store').json(parsed.data);
}
