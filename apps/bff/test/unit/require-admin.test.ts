import express from 'express';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { requireAdmin } from '../../src/auth/require-admin.ts';
import { requireSession } from '../../src/auth/require-session.ts';
import { errorHandler } from '../../src/middleware/error-handler.ts';
import { ALICE_CLAIMS, login, makeApp, stubOidc, testConfig } from './helpers.ts';

/** An admin-only route behind requireSession + requireAdmin, with the session already loaded. */
function adminProbe(groups: string[]) {
  const config = testConfig();
  const app = express();
  app.use(pinoHttp({ logger: pino({ level: 'silent' }) }));
  app.use((req, _res, next) => {
    const session = {
      user: { sub: 's', username: 'u', name: undefined, email: undefined, groups },
      tokens: { accessToken: 'a', refreshToken: 'r', idToken: 'i', expiresAt: Date.now() + 1e6 },
      createdAt: Date.now(),
    };
    Object.assign(req, { session });
    next();
  });
  app.get('/admin-probe', requireSession(config), requireAdmin(config), (_req, res) => {
    res.json({ ok: true });
  });
  app.use(errorHandler(config));
  return app;
}

describe('requireAdmin', () => {
  it('when the user is not in the admin group, then 403 forbidden naming the group', async () => {
    const res = await request(adminProbe(['/ctao', '/ctao/astronomers'])).get('/admin-probe');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden' });
    expect(res.body.error.message).toContain('/ctao/admins');
  });

  it('when the user is in the admin group, then the route runs', async () => {
    const res = await request(adminProbe(['/ctao', '/ctao/admins'])).get('/admin-probe');
    expect(res.body).toEqual({ ok: true });
  });

  it('when /api/me is asked, then isAdmin comes from the same rule', async () => {
    const admin = makeApp({
      oidc: stubOidc({ claims: { ...ALICE_CLAIMS, 'wlcg.groups': ['/ctao/admins'] } }),
    });
    const { sessionCookie } = await login(admin);
    const me = await request(admin.app).get('/api/me').set('Cookie', sessionCookie);
    expect(me.body.isAdmin).toBe(true);
    const user = makeApp();
    const other = await login(user);
    const res = await request(user.app).get('/api/me').set('Cookie', other.sessionCookie);
    expect(res.body.isAdmin).toBe(false);
  });
});
