import { Group, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconFolder } from '@tabler/icons-react';
import { Link } from 'react-router';
import { scopePath } from '@/lib/did-url.ts';
import classes from './scope-list.module.css';

/** One link per scope; each will open the DID browser for that scope. */
export function ScopeList({ scopes }: { scopes: readonly string[] }) {
  return (
    <SimpleGrid
      component="ul"
      aria-label="Scopes"
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="sm"
      className={classes.list}
    >
      {scopes.map((scope) => (
        <li key={scope}>
          <UnstyledButton component={Link} to={scopePath(scope)} className={classes.item}>
            <Group gap="sm" wrap="nowrap">
              <IconFolder size={20} aria-hidden className={classes.icon} />
              <Text fw={500} className={classes.name}>
                {scope}
              </Text>
              <IconChevronRight size={16} aria-hidden className={classes.chevron} />
            </Group>
          </UnstyledButton>
        </li>
      ))}
    </SimpleGrid>
  );
}
