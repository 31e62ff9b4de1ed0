import { z } from 'zod';
import { DID_INPUT_ERRORS, errors, INPUT_ERRORS, route, SESSION_ERRORS } from '../route-def.ts';
import { DidParams } from '../names.ts';
import {
  DownloadLink,
  DownloadLinkList,
  SCRIPT_MEDIA_TYPES,
  ScriptQuery,
  ScriptSelection,
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
    errors: errors(DID_INPUT_ERRORS, {
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
      "A script or manifest for all of a DID's files, streamed one line per file as Rucio lists them: curl or wget (through signed links made for this script, one link row for all its files, revocable by its owner; each file checked against Rucio's adler32 or md5, stopping with a non-zero exit at the first mismatch; a file with no disk copy is not fetched but named, and the script then ends with exit status 4; the Metalink marks it with a comment), rucio (a `rucio download` script for users with the Rucio client and a token of their own for Rucio and the storage, checking every file against Rucio's adler32 afterwards), metalink (RFC 5854, the same links and md5), csv or json (JSON lines, one object per file: names, paths, sizes and checksums).",
    auth: true,
    params: DidParams,
    query: ScriptQuery,
    examples: { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03' },
    response: z.string(),
    download: SCRIPT_MEDIA_TYPES,
    errors: errors(DID_INPUT_ERRORS, {
      403: ['forbidden'],
      404: ['not_found'],
      409: ['conflict'],
    }),
  }),
  selectionScript: route({
    method: 'post',
    path: '/api/scripts',
    summary:
      "A script or manifest, as for one DID, for a list of DIDs (a search's selection or its whole result): every file below them, each once, listed by Rucio in bulk (one replica list per 1 000 DIDs, never one call per file) and streamed one line per file. Paths are the files' names below the folder the DIDs share. More DIDs than the deployment allows (SCRIPT_MAX_DIDS, at most 1 000): 400 saying so. A DID Rucio does not know: 404 before any line is written. A read: it changes nothing in Rucio (curl, wget and metalink make one link row, as the DID's script does).",
    auth: true,
    query: ScriptQuery,
    body: ScriptSelection,
    response: z.string(),
    download: SCRIPT_MEDIA_TYPES,
    errors: errors(DID_INPUT_ERRORS, {
      403: ['csrf_rejected', 'forbidden'],
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
      409: ['staging_required'],
      410: ['gone'],
      416: ['range_not_satisfiable'],
      429: ['rate_limited'],
      502: ['storage_error'],
      503: ['storage_unavailable'],
    },
  }),
} as const;
