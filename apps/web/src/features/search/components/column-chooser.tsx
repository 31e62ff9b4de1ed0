import { Button, Checkbox, Popover, ScrollArea, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { ALL_COLUMNS } from '../utils/columns.ts';

interface ColumnChooserProps {
  visible: readonly string[];
  onChange: (visible: string[]) => void;
}

/** Which columns the results table shows (the name is always there). */
export function ColumnChooser({ visible, onChange }: ColumnChooserProps) {
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconColumns size={14} aria-hidden />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <ScrollArea.Autosize mah={360} type="auto">
          <Checkbox.Group
            label="Columns shown"
            value={[...visible]}
            onChange={(ids) => {
              onChange(ALL_COLUMNS.map((c) => c.id).filter((id) => ids.includes(id)));
            }}
          >
            <Stack gap={6} mt="xs">
              {ALL_COLUMNS.map((c) => (
                <Checkbox
                  key={c.id}
                  value={c.id}
                  label={c.unit ? `${c.label} (${c.unit})` : c.label}
                  size="xs"
                />
              ))}
            </Stack>
          </Checkbox.Group>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
