import { RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { freshFiles, freshRun } from '@bdms/rucio-client/testing';
import { e2eEnv } from './env.ts';

const rucio = createRucioClient({ baseUrl: e2eEnv.rucioUrl, userAgent: 'bdms-e2e' });
const rootToken = async () => (await rucio.authUserpass(RUCIO_ROOT)).token;

/** The seed's archived simulation production: on PIC-TAPE only (apps/devstack/python/seed). */
export const ARCHIVED_DATASET = {
  scope: 'dpps',
  name: '/ctao/dpps/SIM/Prod5/ctao-north/gamma/zenith20deg_az180deg',
};

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** A seeded archived file whose only replica, in any state, is on PIC-TAPE (root, directly). */
export async function seededTapeOnlyFile() {
  const token = await rootToken();
  const replicas = await all(rucio.listFileReplicas({ token, dids: [ARCHIVED_DATASET] }));
  const file = replicas.find((r) => {
    const rses = Object.keys(r.states ?? r.rses);
    return rses.length === 1 && rses[0] === 'PIC-TAPE';
  });
  if (!file) throw new Error(`every file of ${ARCHIVED_DATASET.name} has a copy off tape`);
  return { scope: file.scope, name: file.name };
}

/**
 * A fresh file on PIC-TAPE only (devtest scope, random bytes on the storage, registered with their
 * adler32), so that each run stages a file no run staged before: Rucio 41 lets no one delete a
 * replica, so a staged copy stays on disk for good.
 */
export async function freshTapeOnlyFile() {
  const token = await rootToken();
  const name = `/ctao/devtest/e2e-staging/${freshRun()}.simtel.zst`;
  const [file] = await freshFiles(e2eEnv.rucioUrl, token, 'PIC-TAPE', [name], 3000);
  if (!file) throw new Error('no fresh file');
  return file;
}

/** The rules on the DID as the real Rucio lists them (root, directly). */
export async function rucioDidRules(did: { scope: string; name: string }) {
  return all(rucio.listDidRules({ token: await rootToken(), ...did }));
}

/**
 * Ends a rule at once (root): a lifetime of one second, so the transfer loop's judge-cleaner drops
 * it in its next round and alice's quota on the staging RSE is hers again (a DELETE would leave
 * the rule, and its quota use, for an hour on Rucio 41).
 */
export async function endRule(id: string): Promise<void> {
  await fetch(`${e2eEnv.rucioUrl}/rules/${id}`, {
    method: 'PUT',
    headers: { 'X-Rucio-Auth-Token': await rootToken(), 'Content-Type': 'application/json' },
    body: JSON.stringify({ options: { lifetime: 1 } }),
  });
}
