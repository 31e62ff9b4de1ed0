import { describe, expect, it } from 'vitest';
import { assertNoUnplannedRequests, fakeFetch } from './fake-fetch.ts';

describe('fakeFetch', () => {
  it('when a request has no planned answer, then it rejects naming it, and the test fails afterwards even if the code swallowed that', async () => {
    fakeFetch({ 'GET /api/me': { body: {} } });
    await fetch('/api/scopes?filter=x', { method: 'POST' }).catch(() => undefined);
    expect(() => {
      assertNoUnplannedRequests();
    }).toThrow(/no test planned for .*POST \/api\/scopes/);
    // Reported once: setup.ts's own check after this test finds nothing left.
    expect(() => {
      assertNoUnplannedRequests();
    }).not.toThrow();
  });

  it('rejects an unplanned request with an error naming method and path', async () => {
    fakeFetch();
    await expect(fetch('/api/health')).rejects.toThrow('no answer planned for GET /api/health');
    expect(assertNoUnplannedRequests).toThrow(/GET \/api\/health/);
  });

  it('answers planned requests and records them', async () => {
    const net = fakeFetch({ 'GET /api/me': { status: 401, body: { a: 1 } } });
    const res = await fetch('/api/me?x=1');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ a: 1 });
    expect(net.callsTo('GET', '/api/me')).toHaveLength(1);
  });
});
