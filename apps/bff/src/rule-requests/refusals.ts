import { RucioError } from '@bdms/rucio-client';
import { AppError } from '../errors.ts';
import { refusedStatus, userFacingMessage } from '../middleware/rucio-errors.ts';

export type Field =
  'rseExpression' | 'dids' | 'copies' | 'lifetimeSeconds' | 'askApproval' | 'comment';

/** Which input a refusal by Rucio is about, by its exception class. */
const FIELD_OF: Record<string, Field> = {
  InvalidRSEExpression: 'rseExpression',
  InsufficientTargetRSEs: 'rseExpression',
  RSEWriteBlocked: 'rseExpression',
  InsufficientAccountLimit: 'askApproval',
  DuplicateRule: 'dids',
  DataIdentifierNotFound: 'dids',
  InvalidObject: 'dids',
  InvalidRuleWeight: 'rseExpression',
  StagingAreaRuleRequiresLifetime: 'lifetimeSeconds',
  ScratchDiskLifetimeConflict: 'lifetimeSeconds',
  ManualRuleApprovalBlocked: 'askApproval',
};

/** Rucio's refusal, in its words, at the field it is about (`details.field`). */
export function atField(error: unknown, fallback?: Field): unknown {
  if (!(error instanceof RucioError)) return error;
  const field = (error.exceptionClass && FIELD_OF[error.exceptionClass]) ?? fallback;
  const said = userFacingMessage(error);
  if (!field || !said || error.status >= 500 || error.status === 401) return error;
  const status = error.status === 404 ? 404 : refusedStatus(error);
  const code = status === 404 ? 'not_found' : 'rucio_refused';
  return new AppError(status, code, said, { cause: error, details: { field } });
}
