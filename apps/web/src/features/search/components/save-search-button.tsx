import type { SearchQuery } from '@bdms/contract/search/query.ts';
import { Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useSaveSearch } from '../api/saved-searches.ts';

/** Saves the current search under a name of the user's choice. */
export function SaveSearchButton({ query }: { query: SearchQuery | undefined }) {
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const save = useSaveSearch();
  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (!query || name.trim() === '') return;
    save.mutate(
      { name: name.trim(), query },
      {
        onSuccess: () => {
          setOpened(false);
          setName('');
        },
      },
    );
  };
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      trapFocus
      withinPortal
      shadow="md"
    >
      <Popover.Target>
        <Button
          size="sm"
          variant="default"
          leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          disabled={!query}
          onClick={() => {
            save.reset();
            setOpened((o) => !o);
          }}
        >
          Save search
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit} aria-label="Save this search">
          <Stack gap="xs" w={280}>
            <TextInput
              label="Name"
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
              }}
              maxLength={120}
              required
              data-autofocus
              error={save.error?.message}
            />
            <Group justify="flex-end">
              <Button
                type="submit"
                size="xs"
                loading={save.isPending}
                disabled={name.trim() === ''}
              >
                Save
              </Button>
            </Group>
            {save.isSuccess && (
              <Text size="xs" role="status">
                Saved.
              </Text>
            )}
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
