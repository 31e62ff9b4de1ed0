import { z } from 'zod';
import { ApiErrorBody, StreamTrailer } from './schemas.ts';
import { api, type RouteDef } from './routes.ts';

type JsonObject = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden (CSRF check failed: send X-CSRF: 1 from the portal origin)',
  404: 'Not found',
  502: 'Rucio or the IdP answered with an error',
  503: 'A component is unavailable',
};

/** `/api/dids/:scope` → `/api/dids/{scope}` */
const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z_]+)/g, '{$1}');

function schemaRef(schema: z.ZodType): JsonObject {
  const id = z.globalRegistry.get(schema)?.id;
  return id ? { $ref: `#/components/schemas/${id}` } : z.toJSONSchema(schema);
}

function operation(name: string, def: RouteDef): JsonObject {
  const responses: JsonObject = {
    200: {
      description: 'OK',
      content: def.stream
        ? {
            'application/x-ndjson': {
              // OpenAPI 3.1 has no item schema for sequences: describe one line, and the trailer.
              schema: { oneOf: [schemaRef(def.response), schemaRef(StreamTrailer)] },
            },
          }
        : { 'application/json': { schema: schemaRef(def.response) } },
    },
  };
  for (const status of def.errors) {
    responses[status] = {
      description: STATUS_TEXT[status] ?? 'Error',
      content: { 'application/json': { schema: schemaRef(def.bodies?.[status] ?? ApiErrorBody) } },
    };
  }
  const params = [...def.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  return {
    operationId: name,
    summary: def.summary,
    ...(params.length ? { parameters: params } : {}),
    ...(def.auth ? {} : { security: [] }),
    responses,
  };
}

/** OpenAPI 3.1 document generated from the contract (JSON Schema 2020-12 components). */
export function buildOpenApi(version: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const [name, def] of Object.entries(api) as [string, RouteDef][]) {
    const p = toOpenApiPath(def.path);
    paths[p] = { ...paths[p], [def.method]: operation(name, def) };
  }
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  }) as {
    schemas: Record<string, JsonObject>;
  };
  return {
    openapi: '3.1.0',
    info: { title: 'BDMS Portal BFF API', version },
    servers: [{ url: '/' }],
    components: {
      schemas,
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bdms_session' } },
    },
    security: [{ session: [] }],
    paths,
  };
}
