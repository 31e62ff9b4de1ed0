import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CURL from '@/testing/recorded/basket-script.curl.txt?raw';
import curlHeaders from '@/testing/recorded/basket-script.curl.headers.json?raw';
import zipHeaders from '@/testing/recorded/basket-bundle.headers.json?raw';
import gone from '@/testing/recorded/selection-script.404.json?raw';
import { renderWithProviders } from '@/testing/render.tsx';
import { GetDataPanel } from './get-data-panel.tsx';
import { SelectionScriptsDialog } from './selection-scripts-dialog.tsx';

/*
 * Answers recorded from the real BFF (basket of a dataset and one of its files): the curl
 * script's text and headers, the ZIP's headers, a selection naming an unknown DID.
 */
const CURL_HEADERS = JSON.parse(curlHeaders) as Record<string, string>;
const ZIP_HEADERS = JSON.parse(zipHeaders) as Record<string, string>;
const GONE = JSON.parse(gone) as { status: number; body: unknown };

/** A response whose body the test feeds chunk by chunk; the request's signal errors it. */
function controlled(headers: Record<string, string>) {
  let feed!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start: (c) => {
      feed = c;
    },
  });
  return {
    respond: (signal: AbortSignal | null | undefined) => {
      signal?.addEventListener('abort', () => {
        feed.error(new DOMException('aborted', 'AbortError'));
      });
      return new Response(body, { status: 200, headers });
    },
    push: (bytes: Uint8Array | string) => {
      feed.enqueue(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
    },
    end: () => {
      feed.close();
    },
  };
}

let saved: { name: string; href: string }[] = [];
let requests: { url: string; init: RequestInit }[] = [];
beforeEach(() => {
  saved = [];
  requests = [];
  vi.stubGlobal(
    'URL',
    Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, href: this.getAttribute('href') ?? '' });
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});
const stubFetch = (reply: (init: RequestInit) => Response) => {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      requests.push({ url, init });
      return Promise.resolve(reply(init));
    }),
  );
};

const basketPanel = () =>
  renderWithProviders(
    <GetDataPanel
      scriptUrl={(f) => `/api/basket/script?format=${f}`}
      bundleUrl="/api/basket/bundle"
      expectedFiles={7}
    />,
  );

describe('GetDataPanel', { timeout: 15_000 }, () => {
  it('when the curl script streams in, then the files listed so far show, and once complete it is saved under the BFF’s name', async () => {
    const script = controlled(CURL_HEADERS);
    stubFetch((init) => script.respond(init.signal));
    basketPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Download script' }));
    const half = CURL.indexOf('\nfetch ', CURL.indexOf('\nfetch ') + 1) + 1;
    script.push(CURL.slice(0, half + 20));
    expect(await screen.findByText(/^Script: 1 file of up to 7 listed/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Script progress' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download script' })).toBeDisabled();
    script.push(CURL.slice(half + 20));
    script.end();
    expect(
      await screen.findByText('Script: saved as basket-2026-12-03.curl.sh.'),
    ).toBeInTheDocument();
    expect(saved).toEqual([{ name: 'basket-2026-12-03.curl.sh', href: 'blob:x' }]);
    expect(requests[0]?.url).toBe('/api/basket/script?format=curl');
  });

  it('when another format is chosen, then the script is asked for in it', async () => {
    stubFetch(() => new Response('scope,name,path,bytes,adler32,md5\n', { headers: CURL_HEADERS }));
    basketPanel();
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Script or manifest' }),
      'csv',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Download script' }));
    await waitFor(() => {
      expect(requests[0]?.url).toBe('/api/basket/script?format=csv');
    });
  });

  it('when the ZIP streams, then bytes of its announced length show, and Cancel stops it without saving', async () => {
    const zip = controlled(ZIP_HEADERS);
    stubFetch((init) => zip.respond(init.signal));
    basketPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Download as ZIP' }));
    zip.push(new Uint8Array(13_953));
    expect(await screen.findByText('ZIP: 14.0 kB of 27.9 kB (50 %)')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'ZIP progress' })).toHaveAttribute(
      'aria-valuenow',
      '50',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('ZIP: cancelled.')).toBeInTheDocument();
    expect(saved).toEqual([]);
    expect(requests[0]?.init.signal?.aborted).toBe(true);
  });

  it('when the BFF ends the ZIP short, then it is reported as failed, not saved', async () => {
    const zip = controlled(ZIP_HEADERS);
    stubFetch((init) => zip.respond(init.signal));
    basketPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Download as ZIP' }));
    zip.push(new Uint8Array(100));
    zip.end();
    expect(
      await screen.findByText(/^ZIP failed: The download stopped at 100 of 27906 bytes/),
    ).toBeInTheDocument();
    expect(saved).toEqual([]);
  });
});

describe('SelectionScriptsDialog', () => {
  const dids = [{ scope: 'acada', name: '/ctao/no/such/dataset' }];

  it('when a script is asked for, then the DIDs are POSTed with the CSRF header and the BFF’s refusal is shown', async () => {
    stubFetch(
      () =>
        new Response(JSON.stringify(GONE.body), {
          status: GONE.status,
          headers: { 'content-type': 'application/json' },
        }),
    );
    renderWithProviders(
      <SelectionScriptsDialog
        dids={dids}
        what="1 selected DID"
        expectedFiles={null}
        onClose={() => undefined}
      />,
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Scripts and manifests for 1 selected DID',
    });
    expect(dialog).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Download script' }));
    expect(
      await screen.findByText(
        /^Script failed: Rucio does not know acada:\/ctao\/no\/such\/dataset/,
      ),
    ).toBeInTheDocument();
    const [sent] = requests;
    expect(sent?.url).toBe('/api/scripts?format=curl');
    expect(sent?.init.method).toBe('POST');
    expect(new Headers(sent?.init.headers).get('X-CSRF')).toBe('1');
    expect(JSON.parse(sent?.init.body as string)).toEqual({ dids });
  });

  it('when the result holds more DIDs than a script takes, then it says so and asks nothing', () => {
    stubFetch(() => new Response(''));
    const many = Array.from({ length: 1001 }, (_, i) => ({
      scope: 'acada',
      name: `/f${String(i)}`,
    }));
    renderWithProviders(
      <SelectionScriptsDialog
        dids={many}
        what="all 1,001 results"
        expectedFiles={null}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      '1,001 DIDs are more than the 1,000 a script takes',
    );
    expect(screen.queryByRole('button', { name: 'Download script' })).not.toBeInTheDocument();
    expect(requests).toEqual([]);
  });
});
