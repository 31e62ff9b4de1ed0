import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

/** Rows drawn at first, and added per "Show more": 2 400 rows of bars would stall the page. */
export const PAGE_ROWS = 100;

/** The first `shown` of `rows`, and a footer to show more (it says how many there are). */
export function useShown<T>(rows: readonly T[]) {
  const [shown, setShown] = useState(PAGE_ROWS);
  const footer =
    rows.length > shown ? (
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Showing {shown} of {rows.length}; sort or filter to find the others.
        </Text>
        <Button
          variant="default"
          size="xs"
          onClick={() => {
            setShown((n) => n + PAGE_ROWS * 5);
          }}
        >
          Show more
        </Button>
      </Group>
    ) : null;
  return { visible: rows.slice(0, shown), footer };
}
