/** Starts the real dev IdP in-process on a random 127.0.0.1 port (the issuer needs the port first). */
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { DEFAULT_PORTAL_REDIRECT_URIS, type IdpConfig } from '../src/config.ts';
import { createIdp, type Idp } from '../src/app.ts';

export interface RunningIdp extends Idp {
  issuer: string;
  config: IdpConfig;
  close: () => Promise<void>;
}

export async function startIdp(overrides: Partial<IdpConfig> = {}): Promise<RunningIdp> {
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const config: IdpConfig = {
    port,
    issuer: `http://127.0.0.1:${port}/`,
    accessTokenTtl: 3600,
    endSession: true,
    portalRedirectUris: DEFAULT_PORTAL_REDIRECT_URIS,
    logLevel: 'silent',
    ...overrides,
  };
  const idp = createIdp(config, pino({ level: 'silent' }));
  server.on('request', idp.app);
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => {
      server.close((err) => {
        if (err) reject(err);
        else resolve();
      });
    });
  };
  return { ...idp, issuer: config.issuer, config, close };
}
