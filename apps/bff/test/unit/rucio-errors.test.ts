import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { RucioError } from '@bdms/rucio-client';
import { login, makeApp, stubRucio } from './helpers.ts';

const failing = (error: Error) =>
  stubRucio({ listScopes: () => Promise.reject(error), whoami: () => Promise.reject(error) });

async function scopesWith(error: Error) {
  const t = makeApp({ rucio: failing(error) });
  const { sessionCookie } = await login(t);
  return request(t.app).get('/api/scopes').set('Cookie', sessionCookie);
}

describe('Rucio errors reaching users', () => {
  it('when Rucio fails with an internal error, then the user gets a fixed message and the request id, never Rucio’s text', async () => {
    const res = await scopesWith(
      new RucioError(
        500,
        'DatabaseException',
        'psycopg.OperationalError: connection to server at "10.0.0.5" failed',
        '/scopes/',
      ),
    );
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('rucio_error');
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
    expect(JSON.stringify(res.body)).not.toMatch(/psycopg|10\.0\.0\.5|DatabaseException/);
  });

  it('when a proxy answers with an HTML page, then none of it reaches the user', async () => {
    const res = await scopesWith(
      new RucioError(502, undefined, '<html><body>nginx/1.25 Bad Gateway</body></html>', '/x'),
    );
    expect(res.status).toBe(502);
    expect(JSON.stringify(res.body)).not.toMatch(/nginx|html/);
  });

  it.each([
    [409, 'DuplicateRule', 'A duplicate rule for this account, did, rse_expression exists.', 409],
    [400, 'InvalidRSEExpression', 'RSE Expression resulted in an empty set.', 400],
    [404, 'DataIdentifierNotFound', "Data identifier 'acada:/ctao/x' not found", 404],
  ])(
    'when Rucio refuses with %s %s (written for users), then its message is passed on',
    async (status, cls, message, expected) => {
      const res = await scopesWith(new RucioError(status, cls, message, '/x'));
      expect(res.status).toBe(expected);
      expect(res.body.error.message).toBe(message);
    },
  );

  it('when Rucio’s schema check refuses a DID it was sent, then a 400 says what was wrong, without jsonschema’s report', async () => {
    // As the real Rucio 41 answers POST /dids/bulkmeta for the DID 0:0 (a 500, recorded).
    const recorded = JSON.parse(
      String.raw`{"ExceptionClass": "InvalidObject", "ExceptionMessage": "Problem validating dids: '0' does not match '^/[A-Za-z0-9][/A-Za-z0-9\\.\\-_]*$'\n\nFailed validating 'pattern' in schema['items']['properties']['name']:\n    {'description': 'Data Identifier name',\n     'type': 'string',\n     'maxLength': 250,\n     'pattern': '^/[A-Za-z0-9][/A-Za-z0-9\\.\\-_]*$'}\n\nOn instance[0]['name']:\n    '0'"}`,
    ) as { ExceptionClass: string; ExceptionMessage: string };
    const res = await scopesWith(
      new RucioError(500, recorded.ExceptionClass, recorded.ExceptionMessage, '/dids/bulkmeta'),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('rucio_refused');
    expect(res.body.error.message).toBe(
      String.raw`Problem validating dids: '0' does not match '^/[A-Za-z0-9][/A-Za-z0-9\.\-_]*$'`,
    );
  });

  it('when a 404 comes with a class that is not on the allow-list, then a fixed message', async () => {
    const res = await scopesWith(new RucioError(404, 'NotFound', 'Traceback (most recent…', '/x'));
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('Rucio has no such item.');
  });
});
