/**
 * Starts a real transfer on the devstack, for the recordings and the e2e tests that need one in
 * flight: a rule (as root, for root, short-lived) for a demo dataset to a disk RSE that holds no
 * copy of it. The stack's transfer loop then submits its files and holds them in flight for
 * DEVSTACK_TRANSFER_SECONDS before Rucio's poller reports them done. Each call leaves a copy
 * behind (no reaper runs), so the next picks another dataset or RSE.
 */
import type { RucioClient } from '../src/client.ts';

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

export interface DemoTransfer {
  dataset: { scope: string; name: string };
  rse: string;
  ruleId: string;
}

/**
 * The datasets below `root`, breadth first (a simulation-free corner no other test reads the
 * rules of: the southern array's nights).
 */
async function* datasetsBelow(
  rucio: RucioClient,
  token: string,
  root: { scope: string; name: string },
) {
  let level = [root];
  while (level.length > 0) {
    const next: { scope: string; name: string }[] = [];
    for (const c of level)
      for (const child of await all(rucio.listContents({ token, ...c }))) {
        const did = { scope: child.scope, name: child.name };
        if (child.type === 'DATASET') yield did;
        else if (child.type === 'CONTAINER') next.push(did);
      }
    level = next;
  }
}

export async function startDemoTransfer(
  rucio: RucioClient,
  token: string,
  root = { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-south' },
  lifetimeSeconds = 600,
): Promise<DemoTransfer> {
  const disks = (await all(rucio.listRses({ token })))
    .filter((r) => r.rse_type === 'DISK')
    .map((r) => r.rse);
  for await (const dataset of datasetsBelow(rucio, token, root)) {
    const copies = await all(rucio.listDatasetReplicas({ token, ...dataset, deep: true }));
    const rse = disks.find((d) => !copies.some((c) => c.rse === d));
    if (!rse) continue;
    const res = await fetch(`${rucio.baseUrl}/rules/`, {
      method: 'POST',
      headers: { 'X-Rucio-Auth-Token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        dids: [dataset],
        account: 'root',
        copies: 1,
        rse_expression: rse,
        lifetime: lifetimeSeconds,
      }),
    });
    if (!res.ok) throw new Error(`rule for ${dataset.name} to ${rse}: HTTP ${res.status}`);
    const [ruleId] = (await res.json()) as string[];
    return { dataset, rse, ruleId: ruleId ?? '' };
  }
  throw new Error(`every dataset below ${root.name} is on every disk RSE: nothing to transfer`);
}
