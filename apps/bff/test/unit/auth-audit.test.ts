import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { ALICE_CLAIMS, login, makeApp } from './helpers.ts';
import { memoryAudit } from './memory-audit.ts';

const logout = (t: ReturnType<typeof makeApp>, cookie?: string) =>
  request(t.app)
    .post('/auth/logout')
    .set('X-CSRF', '1')
    .set('Origin', t.config.publicOrigin)
    .set('Cookie', cookie ?? '');

/** The BFF's real logger (redaction and all) writing JSON lines into an array. */
function capturedLogs() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, logger: createLogger({ logLevel: 'error' }, sink) };
}

describe('audit trail of sign-in and sign-out', () => {
  it('when a user signs in, then one sign_in row names them, the request and the result', async () => {
    const t = makeApp();
    const { callback } = await login(t);
    expect(callback.status).toBe(302);
    expect(t.audit.entries).toEqual([
      expect.objectContaining({
        action: 'sign_in',
        result: 'ok',
        actor: { sub: ALICE_CLAIMS.sub, username: 'alice' },
        requestId: callback.headers['x-request-id'] as string,
      }),
    ]);
  });

  it('when the user signs out, then a sign_out row follows; a logout without session adds none', async () => {
    const t = makeApp();
    const { sessionCookie } = await login(t);
    const res = await logout(t, sessionCookie);
    expect(res.status).toBe(200);
    expect(t.audit.entries.map((e) => e.action)).toEqual(['sign_in', 'sign_out']);
    expect(t.audit.entries[1]).toMatchObject({
      actor: { sub: ALICE_CLAIMS.sub },
      requestId: res.headers['x-request-id'] as string,
    });
    expect((await logout(t)).status).toBe(200);
    expect((await logout(t, sessionCookie)).status).toBe(200);
    expect(t.audit.entries).toHaveLength(2);
  });

  it('when the audit store fails, then sign-in and sign-out still complete and the failure is logged as an error', async () => {
    const { lines, logger } = capturedLogs();
    const audit = memoryAudit();
    audit.failing = true;
    const t = makeApp({ audit, logger });
    const { callback, sessionCookie } = await login(t);
    expect(callback.status).toBe(302);
    expect((await request(t.app).get('/api/me').set('Cookie', sessionCookie)).status).toBe(200);
    expect((await logout(t, sessionCookie)).status).toBe(200);

    const auditErrors = lines.filter((l) => String(l.msg).startsWith('audit:'));
    expect(auditErrors.map((l) => [l.level, l.msg])).toEqual([
      [50, 'audit: the sign_in row could not be written'],
      [50, 'audit: the sign_out row could not be written'],
    ]);
    // The log line carries the row, so it can be restored.
    expect(auditErrors[0]).toMatchObject({
      audit: { action: 'sign_in', actor: { sub: ALICE_CLAIMS.sub }, result: 'ok' },
    });
  });
});
