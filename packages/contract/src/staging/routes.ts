import { DidParams } from '../names.ts';
import { DID_INPUT_ERRORS, errors, route } from '../route-def.ts';
import { RuleRequestResult } from '../rule-requests/schemas.ts';
import { StagingRequestInput, StagingStatus } from './schemas.ts';

const EXAMPLE = {
  scope: 'dpps',
  name: '/ctao/dpps/SIM/Prod5/ctao-north/gamma/zenith20deg_az180deg/gamma_run000001.simtel.zst',
};

const ON_DISK = {
  scope: 'acada',
  name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03/SUB002_SWAT000_20250203T211400_SBID0000000002000000001_OBSID0000000002000000001_SUBARRAY_CHUNK000.fits.fz',
};

/** Staging tape-only data to disk (issue 8, item 6). The quote is the rule quote's (rule-quotes). */
export const stagingRoutes = {
  stagingStatus: route({
    method: 'get',
    path: '/api/dids/:scope/:name/staging',
    summary:
      "Whether a DID can be downloaded now or must be staged from tape first: where its files are (disk, tape only, partly), the staging RSE and lifetimes, and the progress of the staging rules on it (Rucio's rule state and lock counts). Polled by the DID page until the data is on disk.",
    auth: true,
    params: DidParams,
    examples: EXAMPLE,
    response: StagingStatus,
    errors: errors(DID_INPUT_ERRORS, {
      403: ['forbidden'],
      404: ['not_found'],
    }),
  }),
  requestStaging: route({
    method: 'post',
    path: '/api/dids/:scope/:name/staging',
    summary:
      'Asks Rucio to stage a DID from tape: one rule for the signed-in account on the configured staging RSE, activity Staging, copied from the tape RSEs, with the lifetime asked (at most the configured maximum). Over quota with `askApproval` the rule waits for approval. 409 when the DID is on disk already, has no tape copy, or Rucio refuses (its words, at `details.field`). The cost is quoted first with POST /api/rule-quotes on the staging RSE.',
    auth: true,
    params: DidParams,
    // A file on disk (409: nothing to stage): a fuzzer's valid request must not stage the demo's
    // archived files for good (Rucio 41 lets no one delete the staged copy).
    examples: ON_DISK,
    body: StagingRequestInput,
    response: RuleRequestResult,
    success: 201,
    errors: errors(DID_INPUT_ERRORS, {
      403: ['forbidden', 'csrf_rejected'],
      404: ['not_found'],
      409: ['conflict', 'rucio_refused'],
    }),
  }),
} as const;
