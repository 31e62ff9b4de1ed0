import { describe, expect, it } from 'vitest';
import { start } from '../../src/main.ts';

describe('start()', () => {
  it('when started on port 0, then it serves, and stop() closes the port', async () => {
    const running = await start({
      PORT: '0',
      OIDC_ISSUER: 'http://127.0.0.1:9/',
      OIDC_ALLOW_INSECURE: '1',
      OIDC_CLIENT_ID: 'c',
      OIDC_CLIENT_SECRET: 's',
      RUCIO_URL: 'http://127.0.0.1:9',
      LOG_LEVEL: 'silent',
    });
    const res = await fetch(`${running.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    await running.stop();
    await expect(fetch(`${running.url}/api/openapi.json`)).rejects.toThrow();
  });

  it('when the environment is invalid, then it refuses to start with the list of problems', async () => {
    await expect(start({ PORT: 'x' })).rejects.toThrow(/PORT[^]*OIDC_ISSUER/);
  });
});
