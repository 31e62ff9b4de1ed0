import { didPath } from '../did-path.ts';
import { streamNdjson } from '../ndjson.ts';
import { DidContentDto } from '../schemas.ts';
import { JSON_STREAM, type AuthOptions, type Transport } from '../transport.ts';
import { RucioUnavailableError } from '../errors.ts';

/**
 * GET /dids/<scope>/<name>/dids: the content (direct children) of a dataset or container, streamed. The request is
 * sent when iteration starts; the timeout covers only the wait for headers, so a listing of
 * 100 000 DIDs is not cut off halfway.
 */
export const listContents =
  (t: Transport) =>
  (options: AuthOptions & { scope: string; name: string }): AsyncIterable<DidContentDto> => {
    const { scope, name, ...auth } = options;
    const path = `${didPath(scope, name)}/dids`;
    return {
      async *[Symbol.asyncIterator]() {
        const { response, done, failure } = await t.send(path, { ...auth, accept: JSON_STREAM });
        done();
        if (!response.body) return;
        try {
          for await (const line of streamNdjson(response.body))
            yield t.parse(path, DidContentDto, line);
        } catch (error) {
          if (error instanceof Error && error.name.startsWith('Rucio')) throw error;
          if (auth.signal?.aborted) throw error;
          throw new RucioUnavailableError(path, `stream broken: ${failure(error)}`, {
            cause: error,
          });
        }
      },
    };
  };
