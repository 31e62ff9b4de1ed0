import type { SearchQuery } from '@bdms/contract/search/query.ts';
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Segments } from '@/components/segments/segments.tsx';
import { useSearchScopes } from '../api/get-scopes.ts';
import { useQueryEditor, type EditorMode } from '../hooks/use-query-editor.ts';
import { SelectedScopesContext } from '../hooks/use-selected-scopes.ts';
import type { Draft } from '../utils/draft.ts';
import type { UrlSearch } from '../utils/url-query.ts';
import { ConditionGroups } from './condition-groups.tsx';
import { ConePanel } from './cone-panel.tsx';

// Text mode is the second way in: its editor (an autosizing text area, the error excerpts) loads
// when it is chosen, keeping the search page's first load under its budget.
const FilterTextInput = lazy(async () => ({
  default: (await import('./filter-text-input.tsx')).FilterTextInput,
}));

const DID_TYPES = [
  { value: '', label: "Rucio's default (collections)" },
  { value: 'file', label: 'Files' },
  { value: 'dataset', label: 'Datasets' },
  { value: 'container', label: 'Containers' },
  { value: 'collection', label: 'Collections (datasets and containers)' },
  { value: 'all', label: 'All types' },
];

interface QueryEditorProps {
  url: UrlSearch;
  textMode: boolean;
  onRun: (query: SearchQuery, mode: EditorMode) => void;
}

/** The scopes to search, one checkbox each (Rucio searches one scope per call). */
function ScopeField({
  draft,
  error,
  onChange,
}: {
  draft: Draft;
  error?: string | undefined;
  onChange: (scopes: string[]) => void;
}) {
  const scopes = useSearchScopes();
  const data = [...new Set([...(scopes.data ?? []), ...draft.scopes])];
  const problem = scopes.isError ? `Could not list the scopes: ${scopes.error.message}` : undefined;
  return (
    <Checkbox.Group
      label="Scopes"
      value={draft.scopes}
      onChange={onChange}
      error={error ?? problem}
    >
      <Group gap="sm" mt={6} mih={28}>
        {scopes.isPending && data.length === 0 && (
          <Text size="sm" c="dimmed">
            Loading scopes…
          </Text>
        )}
        {data.map((scope) => (
          <Checkbox key={scope} value={scope} label={scope} size="sm" />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/**
 * The query: scopes, DID type and name pattern as fields of their own, the conditions in the
 * builder or as Rucio filter text (the two convert into each other), and the cone.
 */
export function QueryEditor({ url, textMode, onRun }: QueryEditorProps) {
  const editor = useQueryEditor(url, textMode, onRun);
  const { draft, fieldErrors: errors } = editor;
  const set = (patch: Partial<Draft>) => {
    editor.setDraft({ ...draft, ...patch });
  };
  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    editor.run();
  };
  return (
    <Paper
      component="form"
      withBorder
      radius="md"
      p="md"
      onSubmit={submit}
      aria-label="Search query"
    >
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <ScopeField
            draft={draft}
            error={errors.scopes}
            onChange={(scopes) => {
              set({ scopes });
            }}
          />
          <NativeSelect
            label="DID type"
            data={DID_TYPES}
            value={draft.didType}
            onChange={(event) => {
              set({ didType: event.currentTarget.value as Draft['didType'] });
            }}
            error={errors.didType}
            w={240}
          />
          <TextInput
            label="Name pattern"
            placeholder="/ctao/acada/DL0/*"
            value={draft.name}
            onChange={(event) => {
              set({ name: event.currentTarget.value });
            }}
            error={errors.name}
            description="* as wildcard"
            style={{ flex: 2 }}
            miw={220}
          />
        </Group>
        <Group justify="space-between" align="center">
          <Text size="sm" fw={600} id="conditions-label">
            Metadata conditions
          </Text>
          <Segments
            label="Editor mode"
            value={editor.mode}
            onChange={(value) => {
              editor.switchMode(value);
            }}
            data={[
              { value: 'builder', label: 'Builder' },
              { value: 'text', label: 'Text (Rucio filter)' },
            ]}
          />
        </Group>
        {editor.notice && (
          <Text size="xs" c="dimmed" role="status">
            {editor.notice}
          </Text>
        )}
        {/* The builder's value inputs suggest what these scopes hold. */}
        <SelectedScopesContext value={draft.scopes}>
          {editor.mode === 'builder' ? (
            <ConditionGroups
              groups={draft.groups}
              errors={errors}
              onChange={(groups) => {
                set({ groups });
              }}
            />
          ) : (
            <Suspense fallback={<Skeleton height={84} aria-label="Loading the text editor" />}>
              <FilterTextInput
                value={editor.text}
                onChange={editor.setText}
                errors={editor.textErrors}
                onSubmit={editor.run}
              />
            </Suspense>
          )}
          <ConePanel
            cone={draft.cone}
            errors={errors}
            onChange={(cone) => {
              set({ cone });
            }}
          />
        </SelectedScopesContext>
        <Group>
          <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />}>
            Search
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
