import { z } from 'zod';
import { ApiErrorBody, StreamTrailer } from './schemas.ts';
import { api } from './routes.ts';
import type { RouteDef } from './route-def.ts';

type JsonObject = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  302: 'Redirect (see Location)',
  400: 'Bad request',
  401: 'Not signed in, or Rucio does not know the identity',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Refused in the current state, by Rucio or the portal (the reason is in the message)',
  410: 'Gone for good (an expired or revoked link)',
  416: 'The requested range is outside the file (see Content-Range: bytes */<size>)',
  429: 'Too many requests from this client (see Retry-After)',
  502: 'Rucio answered with an error',
  503: 'A component is unavailable',
};

/** `/api/dids/:scope` → `/api/dids/{scope}` */
const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z_]+)/g, '{$1}');

function schemaRef(schema: z.ZodType): JsonObject {
  const id = z.globalRegistry.get(schema)?.id;
  return id ? { $ref: `#/components/schemas/${id}` } : z.toJSONSchema(schema, { io: 'input' });
}

/** The error body, with `code` narrowed to the codes this status can carry on this route. */
const errorSchema = (codes: readonly string[]): JsonObject =>
  codes.length === 0
    ? schemaRef(ApiErrorBody)
    : {
        allOf: [
          schemaRef(ApiErrorBody),
          { type: 'object', properties: { error: { properties: { code: { enum: codes } } } } },
        ],
      };

function successResponse(def: RouteDef): JsonObject {
  if (def.success === 302)
    return {
      description: STATUS_TEXT[302],
      headers: { Location: { required: true, schema: { type: 'string' } } },
    };
  if (def.success === 204) return { description: 'Done (no body)' };
  if (def.download)
    return {
      description: 'OK, as an attachment',
      headers: { 'Content-Disposition': { required: true, schema: { type: 'string' } } },
      content: Object.fromEntries(
        def.download.map((type) => [type, { schema: { type: 'string' } }]),
      ),
    };
  return {
    description: 'OK',
    content: def.stream
      ? {
          // OpenAPI 3.1 has no item schema for sequences: each line is one of these.
          'application/x-ndjson': {
            schema: { oneOf: [schemaRef(def.response), schemaRef(def.control ?? StreamTrailer)] },
          },
        }
      : { 'application/json': { schema: schemaRef(def.response) } },
  };
}

function parameters(def: RouteDef): JsonObject[] {
  const path = (def.params?.shape ?? {}) as Record<string, z.ZodType | undefined>;
  const fromPath = [...def.path.matchAll(/:([A-Za-z_]+)/g)].map(([, name = '']) => {
    const schema = path[name];
    const example = def.examples?.[name];
    return {
      name,
      in: 'path',
      required: true,
      schema: schema ? schemaRef(schema) : { type: 'string' },
      ...(example === undefined ? {} : { example }),
    };
  });
  const query = (def.query?.shape ?? {}) as Record<string, z.ZodType>;
  const fromQuery = Object.entries(query).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !schema.safeParse(undefined).success,
    schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
  }));
  return [...fromPath, ...fromQuery];
}

function operation(name: string, def: RouteDef): JsonObject {
  const responses: JsonObject = { [def.success ?? 200]: successResponse(def) };
  if (def.ranges)
    responses[206] = {
      description: 'The requested range of the file',
      headers: { 'Content-Range': { required: true, schema: { type: 'string' } } },
      content: Object.fromEntries(
        (def.download ?? []).map((type) => [type, { schema: { type: 'string' } }]),
      ),
    };
  for (const [status, codes = []] of Object.entries(def.errors)) {
    const body = def.bodies?.[Number(status)];
    responses[status] = {
      description: STATUS_TEXT[Number(status)] ?? 'Error',
      content: { 'application/json': { schema: body ? schemaRef(body) : errorSchema(codes) } },
    };
  }
  // Node's HTTP server refuses a request head over its limit before any route sees it.
  responses[431] = { description: 'Request head too large (over 128 KiB): the URL or headers' };
  const params = parameters(def);
  return {
    operationId: name,
    summary: def.summary,
    ...(params.length ? { parameters: params } : {}),
    ...(def.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaRef(def.body) } },
          },
        }
      : {}),
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
