import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeScopeList } from '@/testing/factories.ts';
import { fakeFetch } from '@/testing/fake-fetch.ts';
import { withLayout } from '@/testing/layout.ts';
import { renderWithProviders } from '@/testing/render.tsx';
import type { ArchiveValues } from '../api/get-archive-values.ts';
import { INCOMPLETE_NOTE } from '../hooks/use-value-suggestions.ts';
import { readSearchParams } from '../utils/url-query.ts';
import { QueryEditor } from './query-editor.tsx';

/* Issue 6, item 3: the builder suggests what the archive holds in the selected scopes. */

type Archive = Record<string, Record<string, string[]>>;

/**
 * The BFF: scopes, and per scope and key the archive's values (a 503 where `down`); the scopes in
 * `cut` say their listing stopped before the end (complete: false).
 */
function bff(archive: Archive, down = false, cut: string[] = []) {
  const fake = fakeFetch({ 'GET /api/scopes': { body: makeScopeList(['acada', 'dpps']) } });
  const asked: { scope: string; key: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const raw = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
      const url = new URL(raw, 'http://localhost');
      if (url.pathname !== '/api/search/values') return fake.fetch(input, init);
      const scope = url.searchParams.get('scope') ?? '';
      const key = url.searchParams.get('key') ?? '';
      asked.push({ scope, key });
      if (down) {
        const body = { error: { code: 'rucio_unavailable', message: 'Rucio is away' } };
        return Promise.resolve(Response.json(body, { status: 503 }));
      }
      const body: ArchiveValues = {
        scope,
        key,
        values: archive[scope]?.[key] ?? [],
        complete: !cut.includes(scope),
        computedAt: '2026-12-02T10:00:00.000Z',
      };
      return Promise.resolve(Response.json(body));
    }),
  );
  return { asked };
}

const render = (search = 'scope=acada&scope=dpps') =>
  renderWithProviders(
    <QueryEditor
      url={readSearchParams(new URLSearchParams(search))}
      textMode={false}
      onRun={() => undefined}
    />,
  );

const row = () => screen.getByRole('group', { name: 'Condition 1 of group 1' });

/** The options of the list an input controls (shown or not), as "value · label". */
function offered(input: HTMLElement): string[] {
  const list = document.getElementById(input.getAttribute('aria-controls') ?? '');
  return [...(list?.querySelectorAll('[role="option"]') ?? [])].map((o) => {
    const [value = '', label] = [...o.querySelectorAll('span')].map((s) => s.textContent.trim());
    return label ? `${value} · ${label}` : value;
  });
}

/** Types the first condition's key, then clicks its value: the archive is asked. */
async function openValue(user: ReturnType<typeof userEvent.setup>, key: string) {
  await user.type(within(row()).getByRole('combobox', { name: 'Key' }), key);
  const value = within(row()).getByRole('combobox', { name: 'Value' });
  await user.click(value);
  return value;
}

const INSTRUMENTS = ['LST · in acada', 'MST · in acada', 'SST · in dpps'];

const ARCHIVE: Archive = {
  acada: { site: ['CTAO-North'], instrument: ['LST', 'MST'], target_name: ['Crab', 'Geminga'] },
  dpps: { site: ['CTAO-South', 'CTAO-North', 'La Palma'], instrument: ['SST'] },
};

describe('value suggestions from the archive', () => {
  beforeEach(() => {
    withLayout();
  });

  it('when the value of site gets focus, then the sites the selected scopes hold come first, with their scopes, and values the query would refuse are left out', async () => {
    const { asked } = bff(ARCHIVE);
    const user = userEvent.setup();
    render();
    await user.type(within(row()).getByRole('combobox', { name: 'Key' }), 'site');
    const value = within(row()).getByRole('combobox', { name: 'Value' });
    expect(offered(value)).toEqual(['CTAO-North', 'CTAO-South']);
    expect(asked).toEqual([]);

    await user.click(value);
    await waitFor(() => {
      expect(offered(value)).toEqual(['CTAO-North · in acada, dpps', 'CTAO-South · in dpps']);
    });
    expect(asked).toEqual([
      { scope: 'acada', key: 'site' },
      { scope: 'dpps', key: 'site' },
    ]);
    expect(screen.queryByText(INCOMPLETE_NOTE)).not.toBeInTheDocument();
  });

  it('when a scope could not list all its values, then the open list says so apart from the options, and any value can still be typed', async () => {
    bff(ARCHIVE, false, ['dpps']);
    const user = userEvent.setup();
    render();
    const value = await openValue(user, 'instrument');
    await waitFor(() => {
      expect(offered(value)).toEqual(INSTRUMENTS);
    });
    const list = screen.getByRole('listbox', { name: 'Suggestions' });
    expect(value).toHaveAttribute('aria-expanded', 'true');
    expect(value).toHaveAttribute('aria-controls', list.id);
    // Shown under the options, not one of them, and read out once by a status.
    expect(within(row()).getByText(INCOMPLETE_NOTE, { selector: 'div' })).toBeVisible();
    expect(within(list).queryByText(INCOMPLETE_NOTE)).not.toBeInTheDocument();
    const said = within(row())
      .getAllByRole('status')
      .map((status) => status.textContent);
    expect(said).toEqual(['', INCOMPLETE_NOTE]);

    // Down goes through the options only: past the last it wraps to the first, never the note.
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(value).toHaveAttribute(
      'aria-activedescendant',
      within(list).getAllByRole('option')[0]?.id,
    );

    await user.clear(value);
    await user.type(value, 'CHEC-S');
    expect(value).toHaveValue('CHEC-S');
    expect(offered(value)).toEqual([]);
    expect(within(row()).getByText(INCOMPLETE_NOTE, { selector: 'div' })).toBeVisible();
  });

  it('when a key outside the catalogue is typed, then its value is suggested from the archive alone, asked once', async () => {
    const { asked } = bff(ARCHIVE);
    const user = userEvent.setup();
    render();
    const value = await openValue(user, 'instrument');
    await waitFor(() => {
      expect(offered(value)).toEqual(INSTRUMENTS);
    });
    await user.type(value, 'L');
    expect(asked).toHaveLength(2);
  });

  it('when only one scope is ticked, then only that scope is asked', async () => {
    const { asked } = bff(ARCHIVE);
    const user = userEvent.setup();
    render('scope=acada');
    await user.type(within(row()).getByRole('combobox', { name: 'Key' }), 'site');
    await user.click(within(row()).getByRole('combobox', { name: 'Value' }));
    await waitFor(() => {
      expect(asked).toEqual([{ scope: 'acada', key: 'site' }]);
    });
  });

  it('when the archive cannot be asked, then the catalogue’s values stay and nothing blocks typing', async () => {
    bff(ARCHIVE, true);
    const user = userEvent.setup();
    render();
    await user.type(within(row()).getByRole('combobox', { name: 'Key' }), 'data_level');
    const value = within(row()).getByRole('combobox', { name: 'Value' });
    await user.click(value);
    expect(offered(value)).toContain('DL0');
    // Nothing the archive holds could be listed: the value looked for may be there all the same.
    expect(await within(row()).findByText(INCOMPLETE_NOTE, { selector: 'div' })).toBeVisible();
    await user.type(value, 'DL3');
    expect(value).toHaveValue('DL3');
  });

  it('when the key is numeric, then its value is a plain number field and the archive is not asked', async () => {
    const { asked } = bff(ARCHIVE);
    const user = userEvent.setup();
    render();
    await user.type(within(row()).getByRole('combobox', { name: 'Key' }), 'obs_id');
    await user.click(within(row()).getByRole('textbox', { name: 'Value' }));
    expect(asked).toEqual([]);
  });

  it('when the cone’s target gets focus, then the archive’s targets come first; one without a known position says so', async () => {
    bff(ARCHIVE);
    const user = userEvent.setup();
    render('scope=acada');
    await user.click(screen.getByRole('checkbox', { name: 'Cone search around a sky position' }));
    const target = screen.getByRole('combobox', { name: 'Target' });
    await user.click(target);
    await waitFor(() => {
      expect(offered(target).slice(0, 3)).toEqual([
        'Crab · CTAO-North',
        'Geminga · in acada, no position: type RA and Dec',
        'Mrk 421 · CTAO-North',
      ]);
    });
  });
});
