import type { ErrorCode } from '@bdms/contract';

/**
 * The one error type the BFF's code throws on purpose. The error handler turns it into an
 * ApiErrorBody; anything else becomes a 500 `internal` with no detail leaked.
 */
export type { ErrorCode };

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: unknown },
  ) {
    super(message, options);
    this.details = options?.details;
  }

  readonly details: unknown;
}

export const unauthenticated = (message = 'You are not signed in.'): AppError =>
  new AppError(401, 'unauthenticated', message);
