import { randomBytes } from 'node:crypto';
import { adler32Hex, putBytes, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient, type RuleDto } from '@bdms/rucio-client';
import { e2eEnv } from './env.ts';

const rucio = createRucioClient({ baseUrl: e2eEnv.rucioUrl, userAgent: 'bdms-e2e' });
const rootToken = async () => (await rucio.authUserpass(RUCIO_ROOT)).token;

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** An account's rules as the real Rucio (asked directly, as root) lists them. */
export async function rucioRules(account: string): Promise<RuleDto[]> {
  return all(rucio.listRules({ token: await rootToken(), account }));
}

/** A rule as the real Rucio says it is now. */
export async function rucioRule(id: string): Promise<RuleDto> {
  return rucio.getRule({ token: await rootToken(), id });
}

/** Rucio's REST API as root, for what the typed client does not write (it only reads). */
async function asRoot(token: string, path: string, method = 'GET', body?: unknown) {
  const res = await fetch(`${e2eEnv.rucioUrl}${path}`, {
    method,
    headers: { 'X-Rucio-Auth-Token': token, 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300 && !(res.status === 409 && path.startsWith('/scopes/')))
    throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text;
}

const SCOPE = 'devtest';

/**
 * A fresh small file on `source` (its bytes on the storage, registered with their adler32), and a
 * rule for `account` copying it to `target`, made by root (Rucio lets root add rules for any
 * account; the rule counts against that account's limit there). The transfer loop then carries
 * it REPLICATING → OK. The lifetime lets Rucio's judge-cleaner remove the rule afterwards.
 */
export async function freshRuleFor(account: string, source: string, target: string) {
  const token = await rootToken();
  await asRoot(token, `/scopes/root/${SCOPE}`, 'POST');
  const data = new Uint8Array(randomBytes(1500));
  const name = `/ctao/${SCOPE}/e2e-rules/${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.dat`;
  const file = { scope: SCOPE, name, bytes: data.byteLength, adler32: adler32Hex(data) };
  await asRoot(token, '/replicas', 'POST', { rse: source, files: [file] });
  const listed = await asRoot(token, '/replicas/list', 'POST', {
    dids: [{ scope: SCOPE, name }],
    all_states: true,
  });
  const replica = JSON.parse(listed.split('\n')[0] ?? '{}') as {
    pfns?: Record<string, { rse: string }>;
  };
  const pfn = Object.entries(replica.pfns ?? {}).find(([, p]) => p.rse === source)?.[0];
  if (!pfn) throw new Error(`Rucio lists no PFN of ${name} on ${source}`);
  await putBytes(pfn, data);
  const ids = JSON.parse(
    await asRoot(token, '/rules/', 'POST', {
      dids: [{ scope: SCOPE, name }],
      account,
      copies: 1,
      rse_expression: target,
      lifetime: 900,
      comment: 'e2e: rules page live update',
    }),
  ) as string[];
  const id = ids[0];
  if (!id) throw new Error('POST /rules/ returned no id');
  return { id, did: { scope: SCOPE, name } };
}
