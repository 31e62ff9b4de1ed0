import { errors, route, RUCIO_ERRORS, SESSION_ERRORS } from '../route-def.ts';
import { TransferOverview } from './schemas.ts';

/** Transfers in flight (issue 7, item 3). */
export const transferRoutes = {
  transfers: route({
    method: 'get',
    path: '/api/transfers',
    summary:
      'Transfers in flight between RSEs (queued for submission, submitted, waiting), per pair and one by one. Admins only: Rucio lists requests only to admin accounts and only per source and destination RSE, so the BFF asks it for every pair.',
    auth: true,
    response: TransferOverview,
    errors: errors(SESSION_ERRORS, RUCIO_ERRORS, { 403: ['forbidden'] }),
  }),
} as const;
