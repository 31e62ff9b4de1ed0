import { didPath } from '../did-path.ts';
import { streamNdjson } from '../ndjson.ts';
import { DidContentDto } from '../schemas.ts';
import { JSON_STREAM, type Transport } from '../transport.ts';
import { RucioUnavailableError } from '../errors.ts';

/**
 * GET /dids/<scope>/<name>/dids: the content of a dataset or container, streamed. The request is
 * sent when iteration starts; the timeout covers only the wait for headers, so a listing of
 * 100 000 DIDs is not cut off halfway.
 */
export const listDids =
  (t: Transport) =>
  (
    token: string,
    scope: string,
    name: string,
    signal?: AbortSignal,
  ): AsyncIterable<DidContentDto> => {
    const path = `${didPath(scope, name)}/dids`;
    return {
      async *[Symbol.asyncIterator]() {
        const { response, done, failure } = await t.send(path, {
          token,
          signal,
          accept: JSON_STREAM,
        });
        done();
        if (!response.body) return;
        try {
          for await (const line of streamNdjson(response.body))
            yield t.parse(path, DidContentDto, line);
        } catch (error) {
          if (error instanceof Error && error.name.startsWith('Rucio')) throw error;
          if (signal?.aborted) throw error;
          throw new RucioUnavailableError(path, `stream broken: ${failure(error)}`, {
            cause: error,
          });
        }
      },
    };
  };
