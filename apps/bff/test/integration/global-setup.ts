import { testDatabaseProblem } from '../db/scratch-db.ts';
import { IDP_ISSUER, RUCIO_URL } from './stack.ts';

/** Integration tests need the real stack; say exactly what is missing instead of timing out. */
async function reachable(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return res.ok ? undefined : `${url} answered ${res.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return `${url} is not reachable (${cause?.code ?? (error as Error).message})`;
  }
}

export default async function setup(): Promise<void> {
  const problems = (
    await Promise.all([
      reachable(`${IDP_ISSUER}.well-known/openid-configuration`),
      reachable(`${RUCIO_URL}/ping`),
      testDatabaseProblem(),
    ])
  ).filter(Boolean);
  if (problems.length) {
    throw new Error(
      `BFF integration tests need the real dev IdP (${IDP_ISSUER}), Rucio (${RUCIO_URL}) and PostgreSQL:\n  ` +
        `${problems.join('\n  ')}\nStart the stack first: pnpm start (or pnpm --filter @bdms/devstack up).`,
    );
  }
}
