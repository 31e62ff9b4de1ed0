import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { RucioUnavailableError } from '@bdms/rucio-client';
import { Health } from '@bdms/contract';
import { createHealthService } from '../../src/health/health.service.ts';
import { login, makeApp, stubOidc, stubRucio } from './helpers.ts';

describe('GET /api/health', () => {
  it('when anonymous, then only which part is up: no versions, latencies or reasons', async () => {
    const rucio = stubRucio({
      ping: () => Promise.reject(new RucioUnavailableError('/ping', 'ECONNREFUSED')),
    });
    const t = makeApp({ rucio });
    const res = await request(t.app).get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      ok: false,
      bff: { ok: true },
      rucio: { ok: false },
      idp: { ok: true },
    });
    const forged = await request(t.app)
      .get('/api/health')
      .set('Cookie', 'bdms_session=s%3Aforged.signature');
    expect(forged.body).toEqual(res.body);
  });

  it('when signed in and Rucio and the IdP answer, then 200 with the Rucio version and latencies', async () => {
    const t = makeApp();
    const { sessionCookie } = await login(t);
    const res = await request(t.app).get('/api/health').set('Cookie', sessionCookie);
    expect(res.status).toBe(200);
    const body = Health.parse(res.body);
    expect(body).toMatchObject({
      ok: true,
      bff: { ok: true, version: '9.9.9' },
      rucio: { ok: true, version: '41.5.1' },
      idp: { ok: true, issuer: 'http://idp.test/' },
    });
    expect(body.rucio.latencyMs).toBeTypeOf('number');
  });

  it('when signed in and Rucio is down, then 503 with a Health body that says why', async () => {
    const rucio = stubRucio({
      ping: () => Promise.reject(new RucioUnavailableError('/ping', 'ECONNREFUSED')),
    });
    const t = makeApp({ rucio });
    const { sessionCookie } = await login(t);
    const res = await request(t.app).get('/api/health').set('Cookie', sessionCookie);
    expect(res.status).toBe(503);
    const body = Health.parse(res.body);
    expect(body.ok).toBe(false);
    expect(body.rucio).toMatchObject({ ok: false, reason: 'Rucio is not reachable: ECONNREFUSED' });
    expect(body.idp.ok).toBe(true);
  });

  it('when signed in and the IdP is down, then 503 naming the IdP', async () => {
    const oidc = stubOidc();
    oidc.onProbe(() =>
      Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })),
    );
    const t = makeApp({ oidc });
    const { sessionCookie } = await login(t);
    const res = await request(t.app).get('/api/health').set('Cookie', sessionCookie);
    expect(res.status).toBe(503);
    expect(res.body.idp).toMatchObject({
      ok: false,
      reason: 'The identity provider is not reachable: ECONNREFUSED',
    });
  });

  it('when asked repeatedly within the cache window, then Rucio is pinged once; after it, again', async () => {
    let pings = 0;
    const service = createHealthService({
      rucio: {
        ping: () => {
          pings += 1;
          return Promise.resolve({ version: '41' });
        },
      },
      oidc: { probe: () => Promise.resolve('i') },
      version: '1',
      cacheMs: 100,
    });
    await Promise.all([service.check(), service.check(), service.check()]);
    expect(pings).toBe(1);
    await new Promise((r) => setTimeout(r, 120));
    await service.check();
    expect(pings).toBe(2);
  });
});
