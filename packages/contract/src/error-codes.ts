import { z } from 'zod';

/**
 * Every `error.code` the BFF can send, in one place: the BFF throws only these, the OpenAPI
 * document lists them, and the SPA switches on them. Add a code here before using it.
 */
export const ErrorCode = z
  .enum([
    'unauthenticated',
    'session_expired',
    'session_store_unavailable',
    'csrf_rejected',
    'forbidden',
    'not_found',
    'method_not_allowed',
    'bad_request',
    'rate_limited',
    'login_failed',
    'idp_unavailable',
    'rucio_unavailable',
    'rucio_rejected_token',
    'rucio_refused',
    'rucio_error',
    'conflict',
    'gone',
    'range_not_satisfiable',
    'staging_required',
    'storage_error',
    'storage_unavailable',
    'internal',
  ])
  .meta({ id: 'ErrorCode' });
export type ErrorCode = z.infer<typeof ErrorCode>;
