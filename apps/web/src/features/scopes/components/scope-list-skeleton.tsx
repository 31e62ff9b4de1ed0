import { SimpleGrid, Skeleton } from '@mantine/core';

const PLACEHOLDERS = 6;

/** Shaped like the list, so the page does not jump when scopes arrive. */
export function ScopeListSkeleton() {
  return (
    <SimpleGrid
      role="status"
      aria-label="Loading scopes"
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="sm"
    >
      {Array.from({ length: PLACEHOLDERS }, (_, i) => (
        <Skeleton key={i} height={46} radius="md" />
      ))}
    </SimpleGrid>
  );
}
