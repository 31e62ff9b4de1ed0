export * from './schemas.ts';
export * from './routes.ts';
export { buildOpenApi } from './openapi.ts';
