import { z } from 'zod';

/** GET /auth/login: where to come back to (a path on the portal; default `/`). */
export const LoginQuery = z.object({
  returnTo: z
    .string()
    .max(2048)
    // A local path as the browser sends it (percent-encoded, so printable ASCII): one leading
    // slash, no backslash. Paths that only normalisation turns into another host (`/.//x`) are
    // sent to the portal's root instead.
    .regex(/^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/, { message: 'must be a path on this portal' })
    .optional()
    .describe('A path on this portal, e.g. /dids/acada/%2Fctao%2F...'),
});

/**
 * GET /auth/callback: what the IdP appends (RFC 6749 §4.1.2, RFC 9207 `iss`). Other parameters
 * are ignored (zod drops unknown keys), and each value is bounded so a URL stays a URL.
 */
const param = z.string().max(2048).optional();
export const CallbackQuery = z.object({
  code: param,
  state: param,
  iss: param,
  session_state: param,
  error: param,
  error_description: param,
});

/** A redirect has no body worth describing; the target is in `Location`. */
export const Redirect = z
  .unknown()
  .meta({ id: 'Redirect', description: 'See the Location header' });
