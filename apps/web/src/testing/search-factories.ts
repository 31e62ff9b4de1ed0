import { SearchRow } from '@bdms/contract';
import { vi } from 'vitest';
import { fakeFetch, type FakeReply } from './fake-fetch.ts';

/**
 * Search results as the BFF streams them (rows parsed by the contract's SearchRow), and a fetch
 * whose /api/search stream the test feeds line by line.
 */

const SITES = ['CTAO-North', 'CTAO-South'] as const;

export function makeSearchRows(count: number, start = 0): SearchRow[] {
  return Array.from({ length: count }, (_, k) => {
    const i = start + k;
    const site = SITES[i % 2] ?? 'CTAO-North';
    return SearchRow.parse({
      scope: 'acada',
      name: `/ctao/acada/DL0/LSTN-01/${site.toLowerCase()}/event/2025/02/03/TEL001_SDH0000_20250204T213354_SBID0000000002000000066_OBSID${String(2000000100 + i).padStart(19, '0')}_CHUNK${String(i % 1000).padStart(3, '0')}.fits.fz`,
      type: 'FILE',
      bytes: 2_000_000_000 + i,
      length: null,
      meta: {
        observatory: 'CTA',
        obs_id: 2000000100 + i,
        site,
        data_level: 'DL0',
        array_element: 'LSTN-01',
        tel_ids: [1],
        start_time: '2025-02-04T21:34:05',
        target_name: 'Crab',
      },
    });
  });
}

export const ndjsonLines = (lines: readonly unknown[]): string =>
  lines.map((line) => `${JSON.stringify(line)}\n`).join('');

export const searchReply = (lines: readonly unknown[]): FakeReply => ({
  text: ndjsonLines(lines),
  headers: { 'content-type': 'application/x-ndjson' },
});

/** A live search stream: `push` sends lines, `close` ends the body; aborting errors it. */
export function liveSearch(others: Parameters<typeof fakeFetch>[0] = {}) {
  const fake = fakeFetch(others);
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const requests: URL[] = [];
  let aborted = false;
  const fetchFn = vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
    const raw = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    const url = new URL(raw, 'http://localhost');
    if (url.pathname !== '/api/search') return fake.fetch(input, init);
    requests.push(url);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    init.signal?.addEventListener('abort', () => {
      aborted = true;
      controller?.error(new DOMException('aborted', 'AbortError'));
    });
    return Promise.resolve(
      new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson' } }),
    );
  });
  vi.stubGlobal('fetch', fetchFn);
  return {
    requests,
    aborted: () => aborted,
    push: (lines: readonly unknown[]) => controller?.enqueue(encoder.encode(ndjsonLines(lines))),
    close: () => controller?.close(),
  };
}
