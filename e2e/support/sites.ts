import { RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { e2eEnv } from './env.ts';

const rucio = createRucioClient({ baseUrl: e2eEnv.rucioUrl, userAgent: 'bdms-e2e' });

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** What the real Rucio (asked directly, as root) says about RSEs and a dataset's copies and locks. */
export async function rucioPlaces(dataset: { scope: string; name: string }, rse: string) {
  const { token } = await rucio.authUserpass(RUCIO_ROOT);
  const [rses, deep, locks, onRse] = await Promise.all([
    all(rucio.listRses({ token })),
    all(rucio.listDatasetReplicas({ token, ...dataset, deep: true })),
    all(rucio.listDatasetLocks({ token, ...dataset })),
    all(rucio.listRseDatasets({ token, rse })),
  ]);
  return { rses, deep, locks, onRse };
}

/** Per RSE, how many of these files Rucio has there and how many AVAILABLE (root, directly). */
export async function rucioFileCopies(dids: { scope: string; name: string }[]) {
  const { token } = await rucio.authUserpass(RUCIO_ROOT);
  const perRse = new Map<string, { files: number; available: number }>();
  for (const f of await all(rucio.listFileReplicas({ token, dids })))
    for (const [rse, state] of Object.entries(f.states ?? {})) {
      const had = perRse.get(rse) ?? { files: 0, available: 0 };
      perRse.set(rse, {
        files: had.files + 1,
        available: had.available + (state === 'AVAILABLE' ? 1 : 0),
      });
    }
  return perRse;
}

/** A file's size and adler32 as Rucio records them (root, directly). */
export async function rucioFileRecord(did: { scope: string; name: string }) {
  const { token } = await rucio.authUserpass(RUCIO_ROOT);
  const info = await rucio.getDid({ token, ...did });
  return { bytes: info.bytes, adler32: info.adler32 };
}
