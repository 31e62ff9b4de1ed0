import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('defaults to the shared dev facts', () => {
    expect(loadConfig({})).toMatchObject({
      port: 4400,
      issuer: 'http://127.0.0.1:4400/',
      accessTokenTtl: 3600,
      endSession: true,
      portalRedirectUris: [
        'http://localhost:8080/auth/callback',
        'http://127.0.0.1:8080/auth/callback',
      ],
    });
  });

  it('reads overrides', () => {
    const config = loadConfig({
      IDP_PORT: '4999',
      IDP_ACCESS_TOKEN_TTL: '30',
      IDP_END_SESSION: '0',
      IDP_PORTAL_REDIRECT_URIS:
        'http://localhost:3000/auth/callback, https://portal.example.org/auth/callback',
    });
    expect(config).toMatchObject({
      port: 4999,
      issuer: 'http://127.0.0.1:4999/',
      accessTokenTtl: 30,
      endSession: false,
    });
    expect(config.portalRedirectUris).toHaveLength(2);
  });

  it('refuses NODE_ENV=production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
  });

  it('lists every invalid variable', () => {
    expect(() => loadConfig({ IDP_PORT: 'x', IDP_END_SESSION: 'maybe' })).toThrow(
      /IDP_PORT[\s\S]*IDP_END_SESSION/,
    );
  });
});

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('main.ts', () => {
  it('serves discovery on 127.0.0.1 and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        IDP_PORT: String(port),
        IDP_LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
      },
      stdio: 'ignore',
    });
    try {
      let res: Response | undefined;
      for (let i = 0; i < 100 && !res; i += 1) {
        res = await fetch(`http://127.0.0.1:${port}/.well-known/openid-configuration`).catch(
          async () => {
            await new Promise((r) => setTimeout(r, 100));
            return undefined;
          },
        );
      }
      expect(((await res!.json()) as { issuer: string }).issuer).toBe(`http://127.0.0.1:${port}/`);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  }, 20_000);

  it('refuses to start with NODE_ENV=production', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, NODE_ENV: 'production', IDP_PORT: '0' },
      stdio: 'ignore',
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
  }, 20_000);
});
