import { ApiErrorBody, type ErrorCode, Health, Me, MyAccounts, ScopeList } from '@bdms/contract';

/**
 * Contract-valid bodies for faked BFF answers: every factory parses its output with the
 * contract's schema, so a test can never pass on a body the real BFF could not send.
 */

export const makeMe = (overrides: Partial<Me> = {}): Me =>
  Me.parse({
    sub: 'b3a1c8e2-5f0d-4c4e-9a51-2f7d3c8e1a01',
    username: 'alice',
    name: 'Alice Astronomer',
    email: 'alice@ctao.example.org',
    groups: ['/ctao', '/ctao/astronomers'],
    account: 'alice',
    isAdmin: false,
    ...overrides,
  });

export const makeAdmin = (overrides: Partial<Me> = {}): Me =>
  makeMe({
    sub: 'c7e2d9f4-1a3b-4d5e-8f60-7a8b9c0d1e02',
    username: 'oscar',
    name: 'Oscar Operator',
    email: 'oscar@ctao.example.org',
    groups: ['/ctao', '/ctao/admins'],
    account: 'ctaoadmin',
    isAdmin: true,
    ...overrides,
  });

/** As the BFF answers for the demo astronomer: her own account and her group's, sorted. */
export const makeMyAccounts = (
  accounts: string[] = ['alice', 'lst-analysis'],
  active = 'alice',
): MyAccounts => MyAccounts.parse({ accounts, active });

export const makeScopeList = (
  scopes: string[] = ['ctao.dl0', 'ctao.dl3', 'ctao.sim', 'user.alice'],
): ScopeList => ScopeList.parse({ scopes });

export const makeHealth = (overrides: Partial<Health> = {}): Health =>
  Health.parse({
    ok: true,
    bff: { ok: true, version: '0.0.0' },
    rucio: { ok: true, latencyMs: 12, version: '41.0.0' },
    idp: { ok: true, latencyMs: 3, issuer: 'http://127.0.0.1:4400/' },
    ...overrides,
  });

export const makeRucioDown = (reason = 'connection refused by 127.0.0.1:4410'): Health =>
  makeHealth({ ok: false, rucio: { ok: false, reason } });

export const makeErrorBody = (
  code: ErrorCode,
  message: string,
  requestId: string | undefined = 'req-0001',
): ApiErrorBody => ApiErrorBody.parse({ error: { code, message, requestId } });
