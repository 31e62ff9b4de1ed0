import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render.tsx';
import { SuggestInput, type Suggestion } from './suggest-input.tsx';

const SITES: Suggestion[] = [
  { value: 'CTAO-North', label: 'La Palma' },
  { value: 'CTAO-South', label: 'Paranal' },
  { value: 'HESS' },
];

function Field({ suggestions = SITES, note }: { suggestions?: Suggestion[]; note?: string }) {
  const [value, setValue] = useState('');
  return (
    <SuggestInput
      aria-label="Site"
      value={value}
      onChange={setValue}
      suggestions={suggestions}
      note={note}
    />
  );
}

const input = () => screen.getByRole('combobox', { name: 'Site' });
const names = () =>
  within(screen.getByRole('listbox', { name: 'Suggestions' }))
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('SuggestInput', () => {
  it('when text is typed, then the list shows what matches, in the value or its label', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Field />);
    expect(input()).toHaveAttribute('aria-expanded', 'false');
    await user.type(input(), 'palma');
    expect(input()).toHaveAttribute('aria-expanded', 'true');
    expect(names()).toEqual(['CTAO-North La Palma']);
  });

  it('when Down and Enter are pressed, then the active option is taken and the list closes; Up wraps to the last', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Field />);
    await user.click(input());
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(input()).toHaveAttribute('aria-activedescendant', options[1]?.id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(input()).toHaveValue('CTAO-South');
    expect(input()).toHaveAttribute('aria-expanded', 'false');
    expect(input()).not.toHaveAttribute('aria-activedescendant');

    await user.clear(input());
    await user.keyboard('{ArrowUp}');
    expect(input()).toHaveAttribute('aria-activedescendant', options[2]?.id);
  });

  it('when Escape is pressed, then the list closes and the text stays; Enter without an active option takes nothing', async () => {
    const submit = vi.fn((event: { preventDefault: () => void }) => {
      event.preventDefault();
    });
    const user = userEvent.setup();
    renderWithProviders(
      <form onSubmit={submit}>
        <Field />
      </form>,
    );
    await user.type(input(), 'CTAO');
    await user.keyboard('{Escape}');
    expect(input()).toHaveAttribute('aria-expanded', 'false');
    expect(input()).toHaveValue('CTAO');
    await user.keyboard('{Enter}');
    expect(input()).toHaveValue('CTAO');
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it('when an option is clicked, then it is taken and the focus stays in the input', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Field />);
    await user.click(input());
    await user.click(screen.getByRole('option', { name: 'HESS' }));
    expect(input()).toHaveValue('HESS');
    expect(input()).toHaveFocus();
  });

  it('when there is a note, then it shows under the options and is never one of them', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Field note="Some values may be missing" />);
    await user.type(input(), 'nowhere');
    expect(input()).toHaveAttribute('aria-expanded', 'true');
    expect(screen.queryAllByRole('option')).toEqual([]);
    expect(screen.getByText('Some values may be missing', { selector: 'div' })).toBeVisible();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(input()).toHaveValue('nowhere');
  });

  it('when very many values match, then a few are listed and the rest counted', async () => {
    const many = Array.from({ length: 80 }, (_, i) => ({ value: `target ${String(i)}` }));
    const user = userEvent.setup();
    renderWithProviders(<Field suggestions={many} />);
    await user.click(input());
    expect(names()).toHaveLength(50);
    expect(screen.getByText('30 more values: type to narrow the list')).toBeVisible();
  });
});
