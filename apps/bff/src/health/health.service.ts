import type { Health } from '@bdms/contract';
import type { OidcPort } from '../auth/oidc-port.ts';
import type { RucioPort } from '../rucio-port.ts';

export interface HealthDeps {
  rucio: Pick<RucioPort, 'ping'>;
  oidc: Pick<OidcPort, 'probe'>;
  version: string;
  /** Health is polled by every open tab and by probes: answer from a short cache. */
  cacheMs?: number;
  probeTimeoutMs?: number;
}

const reasonOf = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
  const cause = error.cause as { code?: string } | undefined;
  return error.name === 'RucioUnavailableError'
    ? (error as Error & { reason: string }).reason
    : (cause?.code ?? error.message);
};

async function timed<T>(
  work: () => Promise<T>,
): Promise<{ value?: T; latencyMs: number; reason?: string }> {
  const started = performance.now();
  try {
    const value = await work();
    return { value, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { latencyMs: Math.round(performance.now() - started), reason: reasonOf(error) };
  }
}

export function createHealthService(deps: HealthDeps) {
  const cacheMs = deps.cacheMs ?? 2000;
  const timeoutMs = deps.probeTimeoutMs ?? 3000;
  let cached: { at: number; result: Promise<Health> } | undefined;

  async function probe(): Promise<Health> {
    const [rucio, idp] = await Promise.all([
      timed(() => deps.rucio.ping({ signal: AbortSignal.timeout(timeoutMs) })),
      timed(() => deps.oidc.probe(AbortSignal.timeout(timeoutMs))),
    ]);
    const rucioOk = rucio.value !== undefined;
    const idpOk = idp.value !== undefined;
    return {
      ok: rucioOk && idpOk,
      bff: { ok: true, version: deps.version },
      rucio: rucioOk
        ? { ok: true, version: rucio.value?.version, latencyMs: rucio.latencyMs }
        : {
            ok: false,
            latencyMs: rucio.latencyMs,
            reason: `Rucio is not reachable: ${rucio.reason ?? 'unknown'}`,
          },
      idp: idpOk
        ? { ok: true, issuer: idp.value, latencyMs: idp.latencyMs }
        : {
            ok: false,
            latencyMs: idp.latencyMs,
            reason: `The identity provider is not reachable: ${idp.reason ?? 'unknown'}`,
          },
    };
  }

  return {
    check(): Promise<Health> {
      if (!cached || Date.now() - cached.at > cacheMs) cached = { at: Date.now(), result: probe() };
      return cached.result;
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
