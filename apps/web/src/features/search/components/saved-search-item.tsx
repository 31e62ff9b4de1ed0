import {
  ActionIcon,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCheck, IconPencil, IconPlayerPlay, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SavedSearch } from '@/lib/api-contract-search.ts';
import { formatInstant, plural } from '@/lib/format.ts';
import { useDeleteSavedSearch, useRenameSavedSearch } from '../api/saved-searches.ts';
import { savedSearchHref } from '../utils/saved-link.ts';

function lastRunText(saved: SavedSearch): string {
  if (!saved.lastRun) return 'Never re-run';
  const { at, count, complete } = saved.lastRun;
  return `Last run ${formatInstant(at)}: ${plural(count, 'result')}${complete ? '' : ' (incomplete)'}`;
}

/** One saved search: its filter, last run and problems; run, rename, delete. */
export function SavedItem({ saved, onOpen }: { saved: SavedSearch; onOpen: () => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(saved.name);
  const rename = useRenameSavedSearch();
  const remove = useDeleteSavedSearch();
  const [current] = useSearchParams();
  const save = () => {
    rename.mutate(
      { id: saved.id, name: name.trim() },
      {
        onSuccess: () => {
          setEditing(false);
        },
      },
    );
  };
  return (
    <Paper withBorder p="sm" radius="md" component="li" aria-label={saved.name}>
      <Stack gap={4}>
        {editing ? (
          <Group gap={4} wrap="nowrap">
            <TextInput
              aria-label={`New name for ${saved.name}`}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
              }}
              error={rename.error?.message}
              size="xs"
              style={{ flex: 1 }}
              data-autofocus
            />
            <ActionIcon
              aria-label="Save the name"
              onClick={save}
              loading={rename.isPending}
              variant="light"
            >
              <IconCheck size={14} aria-hidden />
            </ActionIcon>
            <ActionIcon
              aria-label="Keep the old name"
              onClick={() => {
                setEditing(false);
              }}
              variant="subtle"
              color="gray"
            >
              <IconX size={14} aria-hidden />
            </ActionIcon>
          </Group>
        ) : (
          <Text fw={600} size="sm">
            {saved.name}
          </Text>
        )}
        <Code block>{saved.filter || '(no conditions)'}</Code>
        <Text size="xs" c="dimmed">
          {saved.query?.scopes.join(', ')} · {lastRunText(saved)}
        </Text>
        {saved.problems.length > 0 && (
          <Badge
            color="orange"
            variant="light"
            title={saved.problems.map((p) => p.message).join('; ')}
          >
            {plural(saved.problems.length, 'problem')}: opens in text mode
          </Badge>
        )}
        {remove.isError && (
          <Text size="xs" c="red" role="alert">
            {remove.error.message}
          </Text>
        )}
        <Group gap={6}>
          <Button
            component={Link}
            to={savedSearchHref(saved, current)}
            size="compact-xs"
            leftSection={<IconPlayerPlay size={12} aria-hidden />}
            onClick={onOpen}
            aria-label={`Run ${saved.name}`}
          >
            Run
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            leftSection={<IconPencil size={12} aria-hidden />}
            onClick={() => {
              setEditing(true);
            }}
            aria-label={`Rename ${saved.name}`}
          >
            Rename
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={12} aria-hidden />}
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the saved search “${saved.name}”?`))
                remove.mutate(saved.id);
            }}
            aria-label={`Delete ${saved.name}`}
          >
            Delete
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
