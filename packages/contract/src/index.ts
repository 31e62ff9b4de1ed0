export * from './error-codes.ts';
export * from './names.ts';
export * from './schemas.ts';
export * from './session.ts';
export * from './dids/schemas.ts';
export * from './saved-searches/schemas.ts';
export * from './routes.ts';
export { buildOpenApi } from './openapi.ts';
export * from './search/index.ts';
