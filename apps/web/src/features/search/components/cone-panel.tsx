import { formatDec, formatRa, parseDec, parseRa } from '@bdms/contract/search/sky.ts';
import { findTarget, TARGETS } from '@bdms/contract/search/targets.ts';
import { Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useValueSuggestions } from '../hooks/use-value-suggestions.ts';
import { SuggestInput } from './suggest-input.tsx';
import type { DraftCone } from '../utils/draft.ts';
import type { FieldErrors } from '../utils/field-errors.ts';

interface ConePanelProps {
  cone: DraftCone;
  errors: FieldErrors;
  onChange: (cone: DraftCone) => void;
}

const round = (deg: number): string => String(Number(deg.toFixed(6)));

const TARGET_NAMES = TARGETS.map((t) => t.name);
/** A catalogue target is labelled with its site; one only the archive names has no position. */
const targetLabel = (name: string, scopes?: string[]): string | undefined =>
  findTarget(name)?.site ?? (scopes && `in ${scopes.join(', ')}, no position: type RA and Dec`);

/** The angle read back in the other notation, so a typo shows before the search runs. */
function echo(text: string, axis: 'ra' | 'dec'): string | undefined {
  if (text.trim() === '') return undefined;
  const angle = axis === 'ra' ? parseRa(text) : parseDec(text);
  if (!angle.ok) return undefined;
  const sexagesimal = axis === 'ra' ? formatRa(angle.deg) : formatDec(angle.deg);
  return `${round(angle.deg)}° = ${sexagesimal}`;
}

/**
 * Cone search: a centre (ICRS degrees, sexagesimal, or a catalogue target) and a radius in
 * degrees. The BFF sends Rucio the box around it and keeps only what lies inside the circle.
 */
export function ConePanel({ cone, errors, onChange }: ConePanelProps) {
  const targets = useValueSuggestions('target_name', TARGET_NAMES, targetLabel);
  const set = (patch: Partial<DraftCone>) => {
    onChange({ ...cone, ...patch });
  };
  const chooseTarget = (name: string) => {
    const target = findTarget(name);
    if (target) set({ target: target.name, ra: round(target.ra), dec: round(target.dec) });
    else set({ target: name });
  };
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label="Cone search">
      <Stack gap="xs">
        <Checkbox
          label="Cone search around a sky position"
          checked={cone.enabled}
          onChange={(event) => {
            set({ enabled: event.currentTarget.checked });
          }}
        />
        {cone.enabled && (
          <Group align="flex-start" gap="sm" wrap="wrap">
            <SuggestInput
              label="Target"
              placeholder="Crab, Mrk 421…"
              value={cone.target}
              suggestions={targets.suggestions}
              note={targets.note}
              onChange={chooseTarget}
              onFocus={targets.load}
              description="fills RA and Dec"
              w={180}
            />
            <TextInput
              label="RA (ICRS)"
              placeholder="83.633 or 05:34:31.9"
              value={cone.ra}
              onChange={(event) => {
                set({ ra: event.currentTarget.value, target: '' });
              }}
              description={echo(cone.ra, 'ra') ?? 'degrees, h:m:s or 5.57h'}
              error={errors['cone.ra']}
              w={200}
            />
            <TextInput
              label="Dec (ICRS)"
              placeholder="22.0145 or +22:00:52"
              value={cone.dec}
              onChange={(event) => {
                set({ dec: event.currentTarget.value, target: '' });
              }}
              description={echo(cone.dec, 'dec') ?? 'degrees or ±d:m:s'}
              error={errors['cone.dec']}
              w={200}
            />
            <TextInput
              label="Radius"
              inputMode="decimal"
              value={cone.radius}
              onChange={(event) => {
                set({ radius: event.currentTarget.value });
              }}
              rightSection={
                <Text size="xs" c="dimmed" aria-hidden>
                  °
                </Text>
              }
              description="degrees"
              error={errors['cone.radius']}
              w={120}
            />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
