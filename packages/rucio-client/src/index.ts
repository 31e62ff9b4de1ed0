export { createRucioClient, type RucioClient } from './client.ts';
export type { RucioClientOptions, CallOptions, AuthOptions } from './transport.ts';
export { RucioError, RucioPathError, RucioUnavailableError, RucioPayloadError } from './errors.ts';
export { didPath } from './did-path.ts';
export { streamNdjson, parseRucioJson } from './ndjson.ts';
export type { RucioToken, UserpassCredentials } from './endpoints/auth.ts';
export * from './schemas.ts';
