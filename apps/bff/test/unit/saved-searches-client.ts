import request from 'supertest';
import { login, makeApp, type TestApp } from './helpers.ts';

/** A query that validates today: one scope, an obs_id lower bound. */
export const CRAB = {
  scopes: ['acada'],
  groups: [[{ key: 'obs_id', op: '>=', value: '2000000001' }]],
};

/** A signed-in user of `t`, with the calls the SPA makes (X-CSRF and Origin on changes). */
export async function savedSearchClient(t: TestApp) {
  const { sessionCookie: cookie } = await login(t);
  const change = (req: request.Test) =>
    req.set('X-CSRF', '1').set('Origin', t.config.publicOrigin).set('Cookie', cookie);
  return {
    cookie,
    list: () => request(t.app).get('/api/saved-searches').set('Cookie', cookie),
    get: (id: string) => request(t.app).get(`/api/saved-searches/${id}`).set('Cookie', cookie),
    create: (body: unknown) =>
      change(request(t.app).post('/api/saved-searches')).send(body as object),
    rename: (id: string, body: unknown) =>
      change(request(t.app).patch(`/api/saved-searches/${id}`)).send(body as object),
    remove: (id: string) => change(request(t.app).delete(`/api/saved-searches/${id}`)),
    run: (id: string, body: unknown) =>
      change(request(t.app).post(`/api/saved-searches/${id}/runs`)).send(body as object),
  };
}

export { makeApp };
