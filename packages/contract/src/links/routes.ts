import { z } from 'zod';
import { errors, INPUT_ERRORS, route, RUCIO_ERRORS, SESSION_ERRORS } from '../route-def.ts';
import { DidParams } from '../names.ts';
import {
  DownloadLink,
  DownloadLinkList,
  ScriptQuery,
  LinkIdParams,
  LinkInput,
  LinkUseParams,
} from './schemas.ts';

/** Signed download links (issue 8, item 3). */
export const linkRoutes = {
  createLink: route({
    method: 'post',
    path: '/api/links',
    summary:
      "A signed, short-lived link to one file, for anyone holding it: the BFF signs it (the DID, the expiry, the issuing user) and serves the bytes with its own service credential, never with a token in the link. 24 h unless `hours` says otherwise, at most the deployment's maximum.",
    auth: true,
    body: LinkInput,
    response: DownloadLink,
    success: 201,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, {
      403: ['csrf_rejected', 'forbidden'],
      404: ['not_found'],
      409: ['conflict'],
    }),
  }),
  listLinks: route({
    method: 'get',
    path: '/api/links',
    summary:
      "The signed-in user's links, newest first, with their state and how often each was used.",
    auth: true,
    response: DownloadLinkList,
    errors: errors(SESSION_ERRORS),
  }),
  revokeLink: route({
    method: 'delete',
    path: '/api/links/:id',
    summary: 'Revokes one of your links: it answers 410 from now on.',
    auth: true,
    params: LinkIdParams,
    examples: { id: '00000000-0000-4000-8000-000000000000' },
    response: DownloadLink,
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, { 403: ['csrf_rejected'], 404: ['not_found'] }),
  }),
  downloadScript: route({
    method: 'get',
    path: '/api/dids/:scope/:name/script',
    summary:
      "A script or manifest for all of a DID's files, streamed one line per file as Rucio lists them: curl or wget (through signed links made for this script, one link row for all its files, revocable by its owner; each file checked against Rucio's adler32 or md5, stopping with a non-zero exit at the first mismatch), rucio (a `rucio download` command for users with the Rucio client), metalink (RFC 5854, the same links and md5), csv or json (JSON lines, one object per file: names, paths, sizes and checksums).",
    auth: true,
    params: DidParams,
    query: ScriptQuery,
    examples: { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03' },
    response: z.string(),
    download: [
      'text/x-shellscript; charset=utf-8',
      'application/metalink4+xml',
      'text/csv; charset=utf-8',
      'application/jsonl',
    ],
    errors: errors(INPUT_ERRORS, SESSION_ERRORS, RUCIO_ERRORS, {
      403: ['forbidden'],
      404: ['not_found'],
      409: ['conflict'],
    }),
  }),
  useLink: route({
    method: 'get',
    path: '/links/:token/:filename',
    summary:
      "A signed link used, without a session: the file's bytes as a download serves them (Range, checksums, verified on the way). Tampered with: 403; expired or revoked: 410, each saying so. Every use is audited.",
    auth: false,
    params: LinkUseParams,
    examples: { token: 'eyJhbGciOiJIUzI1NiJ9.e30.x', filename: 'f.fits.fz' },
    response: z.string(),
    download: ['application/octet-stream'],
    ranges: true,
    errors: {
      400: ['bad_request'],
      403: ['forbidden'],
      410: ['gone'],
      416: ['range_not_satisfiable'],
      429: ['rate_limited'],
      502: ['storage_error'],
      503: ['storage_unavailable'],
    },
  }),
} as const;
