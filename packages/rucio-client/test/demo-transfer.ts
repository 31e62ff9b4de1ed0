/**
 * Starts a real transfer on the devstack, for the recordings and the e2e tests that need one in
 * flight: a rule (as root, for root, short-lived) for a demo dataset to a disk RSE that holds no
 * copy of it. The stack's transfer loop then submits its files and holds them in flight for
 * DEVSTACK_TRANSFER_SECONDS before Rucio's poller reports them done.
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

export async function startDemoTransfer(
  rucio: RucioClient,
  token: string,
  container = { scope: 'acada', name: '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02' },
  lifetimeSeconds = 600,
): Promise<DemoTransfer> {
  const disks = (await all(rucio.listRses({ token })))
    .filter((r) => r.rse_type === 'DISK')
    .map((r) => r.rse);
  for (const ds of await all(rucio.listContents({ token, ...container }))) {
    if (ds.type !== 'DATASET') continue;
    const dataset = { scope: ds.scope, name: ds.name };
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
  throw new Error(`every dataset of ${container.name} is on every disk RSE: nothing to transfer`);
}
