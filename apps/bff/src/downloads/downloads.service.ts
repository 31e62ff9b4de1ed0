import type { FileReplicaDto } from '@bdms/rucio-client';
import type { RucioPort } from '../rucio-port.ts';
import { AppError } from '../errors.ts';
import type { FileToSend } from './replica-open.ts';
import { downloadSources } from './replica-sources.ts';

export interface DownloadsDeps {
  rucio: Pick<RucioPort, 'listFileReplicas' | 'getDid'>;
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
