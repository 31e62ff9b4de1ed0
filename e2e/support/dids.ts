import { RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { e2eEnv } from './env.ts';

const rucio = createRucioClient({ baseUrl: e2eEnv.rucioUrl, userAgent: 'bdms-e2e' });

interface Did {
  scope: string;
  name: string;
}

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** What the real Rucio (asked directly, as root) holds about a DID, to check the portal against. */
export async function rucioTruth(did: Did) {
  const { token } = await rucio.authUserpass(RUCIO_ROOT);
  const [contents, rules] = await Promise.all([
    all(rucio.listContents({ token, ...did })),
    all(rucio.listDidRules({ token, ...did })),
  ]);
  const file = contents.find((c) => c.type === 'FILE');
  const fileMeta = file
    ? await rucio.getDidMeta({ token, scope: file.scope, name: file.name, plugin: 'JSON' })
    : {};
  return { contents, rules, file, fileMeta };
}
