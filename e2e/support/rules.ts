import { RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient, type RuleDto } from '@bdms/rucio-client';
import { asRoot, FRESH_SCOPE, freshFiles, freshRun } from '@bdms/rucio-client/testing';
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

/**
 * A fresh small file on `source` (its bytes on the storage, registered with their adler32), and a
 * rule for `account` copying it to `target`, made by root (Rucio lets root add rules for any
 * account; the rule counts against that account's limit there). The transfer loop then carries
 * it REPLICATING → OK. The lifetime lets Rucio's judge-cleaner remove the rule afterwards.
 */
export async function freshRuleFor(account: string, source: string, target: string) {
  const token = await rootToken();
  const name = `/ctao/${FRESH_SCOPE}/e2e-rules/${freshRun()}.dat`;
  await freshFiles(e2eEnv.rucioUrl, token, source, [name], 1500);
  const ids = JSON.parse(
    await asRoot(e2eEnv.rucioUrl, token, '/rules/', 'POST', {
      dids: [{ scope: FRESH_SCOPE, name }],
      account,
      copies: 1,
      rse_expression: target,
      lifetime: 900,
      comment: 'e2e: rules page live update',
    }),
  ) as string[];
  const id = ids[0];
  if (!id) throw new Error('POST /rules/ returned no id');
  return { id, did: { scope: FRESH_SCOPE, name } };
}
