/** Small HTTP probes used as health checks. */
export async function httpStatus(url: string, init?: RequestInit): Promise<number | undefined> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return res.status;
  } catch {
    return undefined;
  }
}

/** True when the URL answers at all with a status below 500. */
export async function httpAnswers(url: string, init?: RequestInit): Promise<boolean> {
  const status = await httpStatus(url, init);
  return status !== undefined && status < 500;
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** Polls `probe` until it is true or the time is up; returns whether it became true. */
export async function pollUntil(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(intervalMs);
  }
}

export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  if (!(await pollUntil(() => httpAnswers(url), timeoutMs))) {
    throw new Error(`${url} did not answer within ${timeoutMs} ms`);
  }
}
