import { isIP } from 'node:net';
import { z } from 'zod';
import { didPath, scopedPath } from '../did-path.ts';
import { streamed } from '../stream.ts';
import type { AuthOptions, Transport } from '../transport.ts';

/** One line of GET /replicas/<scope>/<name>/datasets: a dataset's completeness on one RSE. */
export const DatasetReplicaDto = z
  .object({
    scope: z.string(),
    name: z.string(),
    rse: z.string(),
    rse_id: z.string().optional(),
    bytes: z.number().nullable().optional(),
    length: z.number().nullable().optional(),
    available_bytes: z.number().nullable().optional(),
    available_length: z.number().nullable().optional(),
    state: z.string(),
    created_at: z.string().nullable().optional(),
    updated_at: z.string().nullable().optional(),
  })
  .loose();
export type DatasetReplicaDto = z.infer<typeof DatasetReplicaDto>;

/**
 * A PFN of a file, in the order Rucio offers them: `priority` 1 first (LAN replicas of the
 * client's site, then the others by the requested sort; geoip by default: closest first).
 */
export const ReplicaPfnDto = z
  .object({ rse: z.string(), priority: z.number(), domain: z.string().optional() })
  .loose();

/** One line of POST /replicas/list: a file with its replicas (PFNs, RSEs, state per RSE). */
export const FileReplicaDto = z
  .object({
    scope: z.string(),
    name: z.string(),
    bytes: z.number().nullable().optional(),
    md5: z.string().nullable().optional(),
    adler32: z.string().nullable().optional(),
    pfns: z.record(z.string(), ReplicaPfnDto).optional(),
    rses: z.record(z.string(), z.array(z.string())),
    states: z.record(z.string(), z.string()).optional(),
  })
  .loose();
export type FileReplicaDto = z.infer<typeof FileReplicaDto>;

/**
 * GET /replicas/<scope>/<name>/datasets[?deep=true], streamed. Without `deep`, Rucio reads its
 * collection-replica table, which a daemon (abacus-collection-replica) keeps up to date and which
 * lists RSEs a rule is still filling; with `deep`, it counts the file replicas now, but lists only
 * RSEs that hold some. Unknown DIDs and containers give an empty listing.
 */
export const listDatasetReplicas =
  (t: Transport) =>
  ({
    scope,
    name,
    deep = false,
    ...auth
  }: AuthOptions & {
    scope: string;
    name: string;
    deep?: boolean;
  }): AsyncIterable<DatasetReplicaDto> =>
    streamed(
      t,
      `${scopedPath('replicas', scope, name)}/datasets${deep ? '?deep=true' : ''}`,
      DatasetReplicaDto,
      auth,
    );

/** A place on Earth in degrees (WGS 84), as GeoIP databases and Rucio's sort give it. */
export interface Coordinates {
  latitude: number;
  longitude: number;
}

function checkCoordinates({ latitude, longitude }: Coordinates): void {
  if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180))
    throw new TypeError(
      `not a place on Earth: latitude ${String(latitude)}, longitude ${String(longitude)}`,
    );
}

/**
 * POST /replicas/list with `all_states`, streamed: each file's replicas in every state (COPYING
 * included; the GET variant ignores `all_states` on Rucio 41). Collections are resolved to files.
 *
 * `clientIp`: the end user's address, so that Rucio's sort (geoip unless `sort` says otherwise)
 * puts the replicas closest to the user first, not those closest to the caller. It goes in the
 * body's `client_location`, and also as X-Forwarded-For: Rucio 41 overwrites
 * `client_location.ip` with that header, or with the caller's own address when there is none
 * (web/rest/flaskapi/v1/replicas.py, measured on the devstack).
 *
 * `clientCoordinates`: where the caller has already placed that address. They go in
 * `client_location` too (as Rucio's own client sends RUCIO_LATITUDE/RUCIO_LONGITUDE), and Rucio
 * then measures from them instead of looking the address up again for every replica it sorts
 * (core/replica_sorter.py). Rucio ignores a latitude or longitude of exactly 0 and looks up the
 * address instead.
 */
export const listFileReplicas =
  (t: Transport) =>
  ({
    dids,
    clientIp,
    clientCoordinates,
    sort,
    ...auth
  }: AuthOptions & {
    dids: { scope: string; name: string }[];
    clientIp?: string | undefined;
    clientCoordinates?: Coordinates | undefined;
    sort?: 'geoip' | 'random' | undefined;
  }): AsyncIterable<FileReplicaDto> => {
    // The DID path helper refuses what Rucio could not address; the DIDs travel in the body.
    for (const { scope, name } of dids) didPath(scope, name);
    if (clientIp !== undefined && isIP(clientIp) === 0)
      throw new TypeError(`not an IP address: ${clientIp}`);
    if (clientCoordinates !== undefined) checkCoordinates(clientCoordinates);
    const location = {
      ...(clientIp === undefined ? {} : { ip: clientIp }),
      ...(clientCoordinates === undefined
        ? {}
        : { latitude: clientCoordinates.latitude, longitude: clientCoordinates.longitude }),
    };
    return streamed(t, '/replicas/list', FileReplicaDto, {
      ...auth,
      method: 'POST',
      headers: clientIp === undefined ? undefined : { 'X-Forwarded-For': clientIp },
      body: {
        dids: dids.map(({ scope, name }) => ({ scope, name })),
        all_states: true,
        ...(Object.keys(location).length === 0 ? {} : { client_location: location }),
        ...(sort === undefined ? {} : { sort }),
      },
    });
  };

/**
 * GET /replicas/rse/<rse>, streamed: every dataset Rucio's dataset-replica table has on the RSE,
 * with bytes and files there (total and available), as its daemon last computed them.
 */
export const listRseDatasets =
  (t: Transport) =>
  ({ rse, ...auth }: AuthOptions & { rse: string }): AsyncIterable<DatasetReplicaDto> =>
    streamed(t, `/replicas/rse/${encodeURIComponent(rse)}`, DatasetReplicaDto, auth);
