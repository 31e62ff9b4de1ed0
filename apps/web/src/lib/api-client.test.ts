import { describe, expect, it } from 'vitest';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { makeErrorBody, makeRucioDown, makeScopeList } from '@/testing/factories.ts';
import { ApiError, apiGet, apiSend, buildPath } from './api-client.ts';
import { api } from './api-contract.ts';

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('apiGet', () => {
  it('when the BFF answers 200, then the body is parsed with the route schema', async () => {
    const net = fakeFetch({ 'GET /api/scopes': { body: makeScopeList(['a', 'b']) } });
    await expect(apiGet(api.scopes)).resolves.toEqual({ scopes: ['a', 'b'] });
    const [call] = net.calls;
    expect(call?.credentials).toBe('same-origin');
    expect(call?.headers.get('accept')).toBe('application/json');
    expect(call?.headers.get('x-csrf')).toBeNull();
  });

  it('when the BFF answers with an error body, then ApiError carries its status, code, message and request id', async () => {
    fakeFetch({
      'GET /api/me': {
        status: 401,
        body: makeErrorBody('unauthenticated', 'Sign in first', 'req-42'),
      },
    });
    const error = await caught(apiGet(api.me));
    expect(error).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      message: 'Sign in first',
      requestId: 'req-42',
    });
    expect(error.isUnauthenticated).toBe(true);
  });

  it('when the error body is not the contract shape, then the status speaks and X-Request-Id is kept', async () => {
    fakeFetch({
      'GET /api/scopes': {
        status: 502,
        body: { oops: true },
        headers: { 'x-request-id': 'hdr-7' },
      },
    });
    const error = await caught(apiGet(api.scopes));
    expect(error).toMatchObject({ status: 502, code: 'http_502', requestId: 'hdr-7' });
    expect(error.message).toMatch(/502/);
  });

  it('when the connection fails, then ApiError has code network', async () => {
    fakeFetch({ 'GET /api/scopes': 'network-error' });
    const error = await caught(apiGet(api.scopes));
    expect(error).toMatchObject({ status: 0, code: 'network' });
    expect(error.isNetwork).toBe(true);
  });

  it('when a 200 body breaks the contract, then ApiError invalid_response (never unvalidated data)', async () => {
    fakeFetch({ 'GET /api/scopes': { body: { scopes: [1, 2] } } });
    const error = await caught(apiGet(api.scopes));
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });
  });

  it('when health answers 503 with a Health body, then it is data, not an error', async () => {
    fakeFetch({ 'GET /api/health': { status: 503, body: makeRucioDown('timeout') } });
    const health = await apiGet(api.health);
    expect(health.rucio).toEqual({ ok: false, reason: 'timeout' });
  });

  it('when another route answers 503, then it is an error even if the body looked like data', async () => {
    fakeFetch({ 'GET /api/scopes': { status: 503, body: makeScopeList() } });
    const error = await caught(apiGet(api.scopes));
    expect(error.status).toBe(503);
  });

  it('when a 503 body is an error body instead, then it still throws ApiError', async () => {
    fakeFetch({
      'GET /api/health': { status: 503, body: makeErrorBody('rucio_unavailable', 'Rucio is down') },
    });
    const error = await caught(apiGet(api.health));
    expect(error.code).toBe('rucio_unavailable');
  });
});

describe('apiSend', () => {
  it('when posting, then X-CSRF: 1 is sent and the answer is parsed', async () => {
    const net = fakeFetch({ 'POST /auth/logout': { body: { redirectTo: '/' } } });
    await expect(apiSend(api.logout)).resolves.toEqual({ redirectTo: '/' });
    expect(net.calls[0]?.headers.get('x-csrf')).toBe('1');
  });

  it('refuses to send a GET route', async () => {
    await expect(apiSend(api.me)).rejects.toThrow(/GET route/);
  });
});

describe('buildPath', () => {
  it('encodes each parameter as one segment', () => {
    expect(buildPath('/api/dids/:scope/:name', { scope: 'ctao.dl0', name: '/ctao/lst/a b' })).toBe(
      '/api/dids/ctao.dl0/%2Fctao%2Flst%2Fa%20b',
    );
  });

  it('refuses a missing parameter', () => {
    expect(() => buildPath('/api/dids/:scope', {})).toThrow(/scope/);
  });
});
