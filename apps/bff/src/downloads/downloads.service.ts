import type { FileReplicaDto } from '@bdms/rucio-client';
import type { RucioPort } from '../rucio-port.ts';
import { AppError } from '../errors.ts';
import type { FileToSend } from './replica-open.ts';
import { downloadSources } from './replica-sources.ts';

/** Rucio's cap per replica list: DIDs named in one call. */
const BULK = 1000;

export interface DownloadsDeps {
  rucio: Pick<RucioPort, 'listFileReplicas' | 'getDid' | 'bulkMeta'>;
}

/** Finding what to send: one file's record and replicas, from one Rucio call in the usual case. */
export function createDownloadsService({ rucio }: DownloadsDeps) {
  const toSend = (file: FileReplicaDto): FileToSend => ({
    scope: file.scope,
    name: file.name,
    bytes: typeof file.bytes === 'number' ? file.bytes : null,
    adler32: file.adler32 ?? null,
    md5: file.md5 ?? null,
    sources: downloadSources(file),
  });
  return {
    /**
     * Every file of a DID with its replicas (one Rucio replica list, collections resolved by
     * Rucio), as they come. Nothing listed: an unknown DID is Rucio's 404, else 409 (no files).
     */
    files: async function* (
      token: string,
      scope: string,
      name: string,
      clientIp: string | undefined,
      signal: AbortSignal,
    ): AsyncIterable<FileToSend> {
      let any = false;
      for await (const file of rucio.listFileReplicas({
        token,
        signal,
        dids: [{ scope, name }],
        clientIp,
      })) {
        any = true;
        yield toSend(file);
      }
      if (!any) {
        const did = await rucio.getDid({ token, scope, name, signal });
        throw new AppError(
          409,
          'conflict',
          `${scope}:${name} (${did.type.toLowerCase()}) has no file replicas.`,
        );
      }
    },

    /**
     * Every file below several DIDs (files, datasets, containers: a basket, a search's selection),
     * each once however often it is reached: one Rucio replica list per 1 000 DIDs, in turn,
     * streamed (only the keys of the files seen are kept). Rucio's list skips DIDs it does not
     * know, so their records are asked first, 1 000 at a time: an unknown one is a 404 naming it.
     */
    filesOfMany: async function* (
      token: string,
      dids: readonly { scope: string; name: string }[],
      clientIp: string | undefined,
      signal: AbortSignal,
    ): AsyncIterable<FileToSend> {
      const chunks: { scope: string; name: string }[][] = [];
      for (let i = 0; i < dids.length; i += BULK)
        chunks.push(dids.slice(i, i + BULK).map(({ scope, name }) => ({ scope, name })));
      const known = new Set<string>();
      for (const chunk of chunks)
        for await (const m of rucio.bulkMeta({ token, signal, dids: chunk, plugin: 'DID_COLUMN' }))
          known.add(`${m.scope}:${m.name}`);
      const unknown = dids.map((d) => `${d.scope}:${d.name}`).filter((k) => !known.has(k));
      if (unknown.length > 0)
        throw new AppError(
          404,
          'not_found',
          `Rucio does not know ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${String(unknown.length - 5)} more` : ''}: remove ${unknown.length > 1 ? 'them' : 'it'} and try again.`,
          { details: { unknown: unknown.slice(0, 100) } },
        );
      const seen = new Set<string>();
      for (const chunk of chunks) {
        for await (const file of rucio.listFileReplicas({ token, signal, dids: chunk, clientIp })) {
          const key = `${file.scope}:${file.name}`;
          if (seen.has(key)) continue;
          seen.add(key);
          yield toSend(file);
        }
      }
      if (seen.size === 0)
        throw new AppError(
          409,
          'conflict',
          `${dids.length === 1 ? 'This DID has' : `These ${String(dids.length)} DIDs have`} no file replicas.`,
        );
    },

    /**
     * The file and its replicas, best first for the user at `clientIp`. Rucio's replica list
     * resolves a collection to its files, so a first line naming another DID means a collection
     * (409: bundles and scripts fetch those); no line at all is an unknown DID (Rucio's 404 from
     * its DID record) or a file without replicas.
     */
    locate: async (
      token: string,
      scope: string,
      name: string,
      clientIp: string | undefined,
      signal: AbortSignal,
    ): Promise<FileToSend> => {
      const lines = rucio.listFileReplicas({ token, signal, dids: [{ scope, name }], clientIp });
      const iterator = lines[Symbol.asyncIterator]();
      const first = await iterator.next();
      await iterator.return?.();
      if (first.done) {
        const did = await rucio.getDid({ token, scope, name, signal });
        throw new AppError(
          409,
          'conflict',
          did.type === 'FILE'
            ? `Rucio lists no replica of ${scope}:${name}.`
            : `${scope}:${name} is a ${did.type.toLowerCase()} with no file replicas.`,
        );
      }
      const file = first.value;
      if (file.scope !== scope || file.name !== name)
        throw new AppError(
          409,
          'conflict',
          `${scope}:${name} is a collection: fetch its files with a bundle or a script.`,
        );
      return toSend(file);
    },
  };
}

export type DownloadsService = ReturnType<typeof createDownloadsService>;
