import { ApiErrorBody } from './api-contract.ts';

/** Codes the SPA itself assigns when the BFF did not send a usable error body. */
export const CLIENT_ERROR_CODES = {
  network: 'network',
  invalidResponse: 'invalid_response',
} as const;

/** Every failed call to the BFF surfaces as this, so pages can show `message` and `requestId`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: unknown;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    requestId?: string | undefined;
    details?: unknown;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.details = init.details;
  }

  get isNetwork(): boolean {
    return this.code === CLIENT_ERROR_CODES.network;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/**
 * Turns a non-2xx answer into an ApiError. The BFF always sends ApiErrorBody, but a proxy in
 * front of it (or the Vite dev server when the BFF is down) may not: then the status speaks.
 */
export function errorFromResponse(res: Response, body: unknown): ApiError {
  const headerId = res.headers.get('x-request-id') ?? undefined;
  const parsed = ApiErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, requestId, details } = parsed.data.error;
    return new ApiError({
      status: res.status,
      code,
      message,
      requestId: requestId ?? headerId,
      details,
    });
  }
  const text = res.statusText ? `${res.status} ${res.statusText}` : String(res.status);
  return new ApiError({
    status: res.status,
    code: `http_${res.status}`,
    message: `The portal server answered ${text}`,
    requestId: headerId,
  });
}

export function networkError(cause: unknown): ApiError {
  return new ApiError({
    status: 0,
    code: CLIENT_ERROR_CODES.network,
    message: 'The portal server could not be reached',
    details: cause instanceof Error ? cause.message : undefined,
  });
}
