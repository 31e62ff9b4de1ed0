import type { z } from 'zod';
import { RucioUnavailableError } from './errors.ts';
import { streamNdjson } from './ndjson.ts';
import { JSON_STREAM, type CallOptions, type Transport } from './transport.ts';

/**
 * A streamed Rucio listing (`application/x-json-stream`), each line validated by `schema`. The
 * request is sent when iteration starts; the timeout covers only the wait for headers, so a
 * listing of 100 000 lines is not cut off halfway. A connection that breaks mid-stream is a
 * RucioUnavailableError; the caller's own abort passes through unchanged.
 */
export function streamed<S extends z.ZodType>(
  t: Transport,
  path: string,
  schema: S,
  call: CallOptions,
  /** Rucio answers a few line-per-object listings only to `application/json` (accounts/usage). */
  accept: string = JSON_STREAM,
): AsyncIterable<z.infer<S>> {
  return {
    async *[Symbol.asyncIterator]() {
      const { response, done, failure } = await t.send(path, { ...call, accept });
      done();
      try {
        for await (const line of streamNdjson(response.chunks())) yield t.parse(path, schema, line);
      } catch (error) {
        if (error instanceof Error && error.name.startsWith('Rucio')) throw error;
        if (call.signal?.aborted) throw error;
        throw new RucioUnavailableError(path, `stream broken: ${failure(error)}`, {
          cause: error,
        });
      }
    },
  };
}
