import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './openapi.ts';
import { api } from './routes.ts';
import { ErrorCode } from './error-codes.ts';
import { DidName, ScopeName } from './names.ts';

describe('buildOpenApi', () => {
  const doc = buildOpenApi('1.2.3') as {
    openapi: string;
    paths: Record<
      string,
      Record<string, { security?: unknown[]; responses: Record<string, unknown> }>
    >;
    components: { schemas: Record<string, unknown> };
  };

  it('documents every contract route under its method', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const def of Object.values(api)) {
      expect(doc.paths[def.path.replace(/:(\w+)/g, '{$1}')]?.[def.method], def.path).toBeDefined();
    }
  });

  it('marks public routes as needing no session and refers to shared component schemas', () => {
    expect(doc.paths['/api/health']?.get?.security).toEqual([]);
    expect(doc.paths['/api/me']?.get?.security).toBeUndefined();
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Me', 'ApiError', 'Health', 'ScopeList']),
    );
    expect(JSON.stringify(doc.paths['/api/me'])).toContain('#/components/schemas/Me');
  });
});

describe('routes added for the BFF', () => {
  const doc = buildOpenApi('1.2.3') as { paths: Record<string, Record<string, unknown>> };

  it('documents logout as a POST with its own response schema, and health 503 as a Health body', () => {
    expect(JSON.stringify(doc.paths['/auth/logout']?.post)).toContain(
      '#/components/schemas/LogoutResponse',
    );
    const health = JSON.stringify(doc.paths['/api/health']?.get);
    expect(health).toMatch(/"503":\{[^]*#\/components\/schemas\/Health/);
  });
});

describe('streamed routes', () => {
  it('are documented as NDJSON lines of the item schema or the trailer', () => {
    const doc = buildOpenApi('1') as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, unknown> }> }>
      >;
    };
    const content = doc.paths['/api/dids/{scope}/{name}/contents']?.get?.responses['200']?.content;
    expect(Object.keys(content ?? {})).toEqual(['application/x-ndjson']);
    expect(JSON.stringify(content)).toContain('#/components/schemas/DidListingRow');
    expect(JSON.stringify(content)).toContain('#/components/schemas/StreamTrailer');
  });
});

describe('a complete contract', () => {
  const doc = buildOpenApi('1') as {
    paths: Record<string, Record<string, { parameters?: unknown[]; responses: JsonMap }>>;
  };
  type JsonMap = Record<string, unknown>;

  it('documents each error status with exactly the codes the route declares', () => {
    const contents = doc.paths['/api/dids/{scope}/{name}/contents']?.get;
    const text = JSON.stringify(contents?.responses['400']);
    expect(text).toContain('"enum":["bad_request","rucio_refused"]');
    expect(JSON.stringify(contents?.responses['401'])).toContain(
      '"enum":["unauthenticated","session_expired","rucio_rejected_token"]',
    );
  });

  it('documents the path parameters with the patterns the BFF enforces', () => {
    const params = JSON.stringify(doc.paths['/api/dids/{scope}/{name}/contents']?.get?.parameters);
    expect(params).toContain('#/components/schemas/ScopeName');
    const schemas = (buildOpenApi('1') as { components: { schemas: Record<string, JsonMap> } })
      .components.schemas;
    expect(String(schemas.DidName?.pattern)).toContain('(?!\\.{1,2}$)');
    expect(DidName.safeParse('..').success).toBe(false);
    expect(DidName.safeParse('/ctao/acada/DL0/x').success).toBe(true);
    expect(DidName.safeParse('/ctao/x%41y').error?.issues[0]?.message).toContain('other than %');
    expect(ScopeName.safeParse('.').success).toBe(false);
  });

  it('documents sign-in as a 302 with its query, and every route only with codes of the enum', () => {
    const login = doc.paths['/auth/login']?.get;
    expect(Object.keys(login?.responses ?? {})).toEqual(['302', '400', '429', '431', '503']);
    expect(JSON.stringify(login?.parameters)).toContain('"name":"returnTo"');
    for (const def of Object.values(api))
      for (const codes of Object.values(def.errors))
        for (const code of codes) expect(ErrorCode.options).toContain(code);
  });
});

describe('the DID page routes', () => {
  const doc = buildOpenApi('1') as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  const base = '/api/dids/{scope}/{name}';

  it('documents info, rules and the replica summary as JSON, and parents as NDJSON', () => {
    expect(JSON.stringify(doc.paths[base]?.get?.responses['200'])).toContain('DidDetails');
    expect(JSON.stringify(doc.paths[`${base}/rules`]?.get?.responses['200'])).toContain(
      'DidRuleList',
    );
    expect(JSON.stringify(doc.paths[`${base}/replicas/summary`]?.get?.responses['200'])).toContain(
      'ReplicaSummary',
    );
    const parents = JSON.stringify(doc.paths[`${base}/parents`]?.get?.responses['200']);
    expect(parents).toContain('application/x-ndjson');
    expect(parents).toContain('StreamTrailer');
  });

  it('maps every Rucio refusal of a DID route to its own status and code', () => {
    for (const path of [base, `${base}/parents`, `${base}/rules`, '/api/scopes/{scope}/roots']) {
      const responses = doc.paths[path]?.get?.responses ?? {};
      expect(Object.keys(responses).sort(), path).toEqual(
        ['200', '400', '401', '403', '404', '409', '431', '502', '503'].sort(),
      );
      expect(JSON.stringify(responses['404'])).toContain('"enum":["not_found"]');
    }
  });
});
