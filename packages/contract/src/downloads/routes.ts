import { z } from 'zod';
import { DidParams } from '../names.ts';
import { DID_INPUT_ERRORS, errors, route } from '../route-def.ts';

/** Getting the bytes (issue 8). */
export const downloadRoutes = {
  downloadFile: route({
    method: 'get',
    path: '/api/dids/:scope/:name/download',
    summary:
      "One file's bytes, streamed from its best disk replica (Rucio's order for the user's address; tape is never read directly), with the storage token the BFF holds for the user. Honours Range (206 with Content-Range; 416 for a range outside the file). Content-Length and Content-Disposition as for a file; Rucio's checksums in Digest (adler32, RFC 3230) and Repr-Digest (adler, md5; RFC 9530). A replica that does not answer is skipped for the next; once bytes flow, a failure or a checksum mismatch aborts the response (never a short file that looks whole). A dataset or container (409 conflict) is fetched with a bundle or a script. A file only on tape is not read from tape: 409 staging_required says to request it staged (POST /api/dids/:scope/:name/staging).",
    auth: true,
    params: DidParams,
    examples: {
      scope: 'acada',
      name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03/SUB002_SWAT000_20250203T211400_SBID0000000002000000001_OBSID0000000002000000001_SUBARRAY_CHUNK000.fits.fz',
    },
    response: z.string(),
    download: ['application/octet-stream'],
    ranges: true,
    errors: errors(DID_INPUT_ERRORS, {
      403: ['forbidden'],
      404: ['not_found'],
      409: ['conflict', 'staging_required'],
      416: ['range_not_satisfiable'],
      502: ['storage_error'],
      503: ['storage_unavailable'],
    }),
  }),
  downloadBundle: route({
    method: 'get',
    path: '/api/dids/:scope/:name/bundle',
    summary:
      "A ZIP of the DID's files (a dataset's, a container's through its datasets, or one file), streamed from the storage as each single download is: entries stored as they are (FITS files are compressed already), Zip64 when the sizes need it, each file checked against Rucio's adler32, the exact length sent first. A failure part-way aborts the response. Over the bundle caps (bytes, files) a 409 says so and points to the scripts. Files with no disk copy (tape only): 409 staging_required before any byte, with how many, a few of them (`details.examples`) and the tape RSEs.",
    auth: true,
    params: DidParams,
    examples: { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03' },
    response: z.string(),
    download: ['application/zip'],
    errors: errors(DID_INPUT_ERRORS, {
      403: ['forbidden'],
      404: ['not_found'],
      409: ['conflict', 'staging_required'],
      502: ['storage_error'],
      503: ['storage_unavailable'],
    }),
  }),
} as const;
