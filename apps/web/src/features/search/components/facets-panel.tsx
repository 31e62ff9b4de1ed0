import { fieldFor, FACET_KEYS } from '@bdms/contract/search/catalogue.ts';
import {
  Anchor,
  Badge,
  Group,
  Stack,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { formatCount } from '@/lib/format.ts';
import { rankedValues, type FacetCounts } from '../utils/facets.ts';

const SHOWN = 6;

interface FacetsPanelProps {
  facets: FacetCounts;
  streaming: boolean;
  onNarrow: (key: string, value: string) => void;
}

function Facet({
  facetKey,
  counts,
  onNarrow,
}: {
  facetKey: string;
  counts: Readonly<Record<string, number>>;
  onNarrow: FacetsPanelProps['onNarrow'];
}) {
  const [all, setAll] = useState(false);
  const field = fieldFor(facetKey);
  const values = rankedValues(counts);
  const shown = all ? values : values.slice(0, SHOWN);
  const headingId = `facet-${facetKey}`;
  return (
    <section aria-labelledby={headingId}>
      <Text id={headingId} size="sm" fw={600}>
        {field.label}
      </Text>
      <Stack gap={2} mt={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {shown.map(([value, count]) => (
          <li key={value}>
            {field.filterable ? (
              <UnstyledButton
                onClick={() => {
                  onNarrow(facetKey, value);
                }}
                w="100%"
              >
                {/* Named by its visible text with the action around it (WCAG 2.5.3, label in
                    name): "Narrow to site = CTAO-North, 2". */}
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" c="blue" truncate>
                    <VisuallyHidden>Narrow to {facetKey} = </VisuallyHidden>
                    {value}
                  </Text>
                  <VisuallyHidden>, </VisuallyHidden>
                  <Badge variant="light" size="sm" color="gray">
                    {formatCount(count)}
                  </Badge>
                </Group>
              </UnstyledButton>
            ) : (
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" truncate>
                  {value}
                </Text>
                <Badge variant="light" size="sm" color="gray">
                  {formatCount(count)}
                </Badge>
              </Group>
            )}
          </li>
        ))}
      </Stack>
      {values.length > SHOWN && (
        <Anchor
          component="button"
          type="button"
          size="xs"
          onClick={() => {
            setAll(!all);
          }}
        >
          {all ? 'Show fewer' : `Show all ${values.length} values`}
        </Anchor>
      )}
      {!field.filterable && (
        <Text size="xs" c="dimmed">
          Rucio cannot filter on this list
        </Text>
      )}
    </section>
  );
}

/** Counts per value of the catalogue's faceted keys; a value narrows the query to it. */
export function FacetsPanel({ facets, streaming, onNarrow }: FacetsPanelProps) {
  const keys = FACET_KEYS.filter((key) => Object.keys(facets[key] ?? {}).length > 0);
  return (
    <Stack component="aside" aria-label="Facets" gap="md" miw={200} maw={260}>
      <Title order={2} size="h5">
        Refine{streaming ? ' (counting…)' : ''}
      </Title>
      {keys.length === 0 && (
        <Text size="sm" c="dimmed">
          No faceted metadata in this result.
        </Text>
      )}
      {keys.map((key) => (
        <Facet key={key} facetKey={key} counts={facets[key] ?? {}} onNarrow={onNarrow} />
      ))}
    </Stack>
  );
}
