import { Group, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconTelescope } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PRODUCT_NAME } from '@/lib/use-page-title.ts';
import classes from './brand.module.css';

/** Product name and owner, linking home. */
export function Brand() {
  return (
    // The visible words are the link's name (WCAG 2.5.3); "home" is added for screen readers only.
    <Link to="/" className={classes.brand}>
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon size="lg" radius="md" aria-hidden>
          <IconTelescope size={20} />
        </ThemeIcon>
        {/* On a phone the icon alone brands the header; the user's identity needs the room. */}
        <div className={classes.text}>
          <Text fw={700} lh={1.1} style={{ whiteSpace: 'nowrap' }}>
            {PRODUCT_NAME}
          </Text>
          <Text size="xs" c="dimmed" lh={1.1} visibleFrom="sm">
            CTAO · Bulk Data Management
          </Text>
          <VisuallyHidden> (home)</VisuallyHidden>
        </div>
      </Group>
    </Link>
  );
}
