import { RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { e2eEnv } from './env.ts';

const rucio = createRucioClient({ baseUrl: e2eEnv.rucioUrl, userAgent: 'bdms-e2e' });

/** Asks the real Rucio server directly (as root), to compare what the portal shows with the truth. */
export async function rucioScopes(): Promise<string[]> {
  const { token } = await rucio.authUserpass(RUCIO_ROOT);
  return (await rucio.listScopes({ token })).sort();
}
