import type { Request } from 'express';
import {
  RucioError,
  RucioPathError,
  RucioPayloadError,
  RucioUnavailableError,
} from '@bdms/rucio-client';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

/**
 * Rucio exception classes whose messages are written for the people who sent the request (an RSE
 * expression that resolves to nothing, a quota exceeded, a duplicate rule…). Only their text may
 * reach a user; every other Rucio message (database errors, tracebacks, a proxy's HTML page)
 * stays in the log and the user gets a fixed message with the request id.
 */
const USER_FACING = new Set([
  'AccessDenied',
  'AccountNotFound',
  'DataIdentifierAlreadyExists',
  'DataIdentifierNotFound',
  'DuplicateContent',
  'DuplicateRule',
  'InsufficientAccountLimit',
  'InsufficientAccountQuota',
  'InsufficientTargetRSEs',
  'InvalidObject',
  'InvalidReplicationRule',
  'InvalidRSEExpression',
  'InvalidRuleWeight',
  'InvalidValueForKey',
  'ManualRuleApprovalBlocked',
  'ReplicaNotFound',
  'ReplicationRuleCreationTemporaryFailed',
  'RSENotFound',
  'RSEWriteBlocked',
  'RuleNotFound',
  'ScopeNotFound',
  'ScratchDiskLifetimeConflict',
  'StagingAreaRuleRequiresLifetime',
  'UnsupportedOperation',
]);

const MAX_MESSAGE = 400;

/**
 * Rucio's own words, when its class is on the allow-list; else undefined. Rucio's schema refusals
 * (InvalidObject) end with jsonschema's whole report (the schema, the instance): the sentence
 * before it says what was wrong.
 */
export function userFacingMessage(error: RucioError): string | undefined {
  if (!error.exceptionClass || !USER_FACING.has(error.exceptionClass)) return undefined;
  const whole = error.exceptionMessage?.replace(/\s+/g, ' ').trim();
  const text =
    error.exceptionClass === 'InvalidObject' ? whole?.split(/ Failed validating\b/)[0] : whole;
  if (!text) return undefined;
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/**
 * A refusal Rucio explains: 400 when it is about the request's content (Rucio's own 400, or its
 * schema check of what was sent, InvalidObject, which Rucio answers with 409), else 409.
 */
export const refusedStatus = (error: RucioError): 400 | 409 =>
  error.status === 400 || error.exceptionClass === 'InvalidObject' ? 400 : 409;

function refused(error: RucioError): AppError {
  const said = userFacingMessage(error);
  const cause = { cause: error };
  if (error.status === 404)
    return new AppError(404, 'not_found', said ?? 'Rucio has no such item.', cause);
  if (error.status === 403 || error.exceptionClass === 'AccessDenied')
    return new AppError(
      403,
      'forbidden',
      said ?? 'Rucio does not allow your account to do this.',
      cause,
    );
  if (said) return new AppError(refusedStatus(error), 'rucio_refused', said, cause);
  return new AppError(
    502,
    'rucio_error',
    'Rucio could not carry out this request. If it keeps happening, report it with the request id.',
    cause,
  );
}

/** Rucio's failures, in words a user can act on; undefined if `error` is not from Rucio. */
export function fromRucio(
  error: Error,
  req: Request,
  config: Pick<Config, 'oidc'>,
): AppError | undefined {
  if (error instanceof RucioUnavailableError) {
    return new AppError(
      503,
      'rucio_unavailable',
      'Rucio, the data management service, is not reachable right now.',
      { cause: error },
    );
  }
  if (error instanceof RucioError && error.status === 401) {
    // req.session is absent on routes mounted before the session middleware.
    const session = req.session as Partial<typeof req.session> | undefined;
    const sub = session?.user?.sub ?? 'unknown';
    return new AppError(
      401,
      'rucio_rejected_token',
      `Rucio does not know your identity (SUB=${sub}, ISS=${config.oidc.issuer}). Ask a Rucio administrator to map it to your account.`,
      { cause: error },
    );
  }
  if (error instanceof RucioError) return refused(error);
  if (error instanceof RucioPathError)
    return new AppError(400, 'bad_request', 'That name cannot be looked up in Rucio.', {
      cause: error,
    });
  if (error instanceof RucioPayloadError) {
    return new AppError(
      502,
      'rucio_error',
      'Rucio sent an answer the portal does not understand.',
      { cause: error },
    );
  }
  return undefined;
}
