import type { z } from 'zod';
import { AppError } from '../errors.ts';

/**
 * A value after it has passed its contract schema (a 500 otherwise): respond() checks whole
 * answers with it, and a service that builds a big answer as its parts arrive checks each part.
 */
export function checked<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError(500, 'internal', 'The portal server produced an invalid answer.', {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
