import { z } from 'zod';

/** GET /auth/login: where to come back to (a path on the portal; default `/`). */
export const LoginQuery = z.object({
  returnTo: z
    .string()
    .max(2048)
    // A local path: one leading slash, no backslashes or control characters. Paths that only
    // normalisation turns into another host (`/.//x`) are sent to the portal's root instead.
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .regex(/^\/(?![/\\])[^\\\u0000-\u001f\u007f]*$/, { message: 'must be a path on this portal' })
    .optional()
    .describe('A path on this portal, e.g. /dids/acada/%2Fctao%2F...'),
});

/** GET /auth/callback: what the IdP appends (RFC 6749 §4.1.2, RFC 9207 `iss`). */
export const CallbackQuery = z.looseObject({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

/** A redirect has no body worth describing; the target is in `Location`. */
export const Redirect = z
  .unknown()
  .meta({ id: 'Redirect', description: 'See the Location header' });
