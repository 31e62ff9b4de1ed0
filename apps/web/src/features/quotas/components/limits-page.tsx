import {
  Button,
  EmptyState,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconPencil, IconPlus, IconScale } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { Notice } from '@/components/notice.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { formatBytes } from '@/lib/format.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useLimits } from '../api/quota-queries.ts';
import { describeLimit } from '../utils/limit-form.ts';
import type { EditorStart } from './limit-editor.tsx';

/** The editor's dialog and pickers load when it is opened, not with the page. */
const LimitEditor = lazy(async () => ({
  default: (await import('./limit-editor.tsx')).LimitEditor,
}));
import { QuotasHeader } from './quotas-tabs.tsx';
import { useShown } from './show-more.tsx';

const EditButton = ({ what, onClick }: { what: string; onClick: () => void }) => (
  <Button
    size="compact-xs"
    variant="subtle"
    leftSection={<IconPencil size={14} aria-hidden />}
    aria-label={`Edit the limit of ${what}`}
    onClick={onClick}
  >
    Edit
  </Button>
);

/** Admins: every local and global limit, each editable; a new one from the button. */
export function LimitsPage() {
  usePageTitle('Quota limits');
  const limits = useLimits();
  const [editing, setEditing] = useState<EditorStart | null>(null);
  const [filter, setFilter] = useState('');
  const data = limits.data;
  const needle = filter.trim().toLowerCase();
  const match = (...texts: string[]) =>
    !needle || texts.some((t) => t.toLowerCase().includes(needle));
  const local = (data?.local ?? []).filter((c) => c.limit !== null && match(c.account, c.rse));
  const global = (data?.global ?? []).filter((g) => match(g.account, g.expression));
  const first = data?.accounts[0] ?? '';
  const shown = useShown(local);
  return (
    <Stack gap="md">
      <QuotasHeader
        title="Quota limits"
        aside={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={!data}
            onClick={() => {
              setEditing({ kind: 'local', account: first, limit: null });
            }}
          >
            Set a limit
          </Button>
        }
      />
      {limits.isPending && <LoadingRows label="Loading limits" rows={6} />}
      {limits.isError && (
        <QueryError
          title="Could not load the limits"
          error={limits.error}
          retrying={limits.isFetching}
          onRetry={() => void limits.refetch()}
        />
      )}
      {data?.permissions.reason && (
        <Notice kind="info" title="Rucio will refuse changes from this session">
          {data.permissions.reason}
        </Notice>
      )}
      {data && (
        <>
          <TextInput
            label="Filter accounts, RSEs or expressions"
            value={filter}
            onChange={(e) => {
              setFilter(e.currentTarget.value);
            }}
            w={300}
          />
          <Title order={2} size="h3">
            Local limits
          </Title>
          {local.length === 0 ? (
            <EmptyState
              icon={<IconScale size={28} aria-hidden />}
              withIndicatorBackground
              title="No local limits"
              description={needle ? 'None matches the filter.' : 'No account has a local limit.'}
            />
          ) : (
            <Table.ScrollContainer minWidth={600}>
              <Table striped highlightOnHover aria-label="Local limits">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Account</Table.Th>
                    <Table.Th>RSE</Table.Th>
                    <Table.Th ta="right">Limit</Table.Th>
                    <Table.Th ta="right">Used</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.visible.map((c) => (
                    <Table.Tr key={`${c.account} ${c.rse}`}>
                      <Table.Td>{c.account}</Table.Td>
                      <Table.Td>{c.rse}</Table.Td>
                      <Table.Td ta="right">{describeLimit(c.limit)}</Table.Td>
                      <Table.Td ta="right">{formatBytes(c.usedBytes)}</Table.Td>
                      <Table.Td>
                        <EditButton
                          what={`${c.account} on ${c.rse}`}
                          onClick={() => {
                            setEditing({
                              kind: 'local',
                              account: c.account,
                              rse: c.rse,
                              limit: c.limit,
                            });
                          }}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {shown.footer}
          <Title order={2} size="h3">
            Global limits
          </Title>
          {global.length === 0 ? (
            <Text size="sm" c="dimmed">
              {needle ? 'No global limit matches the filter.' : 'No account has a global limit.'}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={600}>
              <Table striped highlightOnHover aria-label="Global limits">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Account</Table.Th>
                    <Table.Th>Expression</Table.Th>
                    <Table.Th>Resolves to</Table.Th>
                    <Table.Th ta="right">Limit</Table.Th>
                    <Table.Th ta="right">Used</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {global.map((g) => (
                    <Table.Tr key={`${g.account} ${g.expression}`}>
                      <Table.Td>{g.account}</Table.Td>
                      <Table.Td>{g.expression}</Table.Td>
                      <Table.Td>{g.resolvedRses.join(', ') || '—'}</Table.Td>
                      <Table.Td ta="right">{describeLimit(g.limit)}</Table.Td>
                      <Table.Td ta="right">{formatBytes(g.usedBytes)}</Table.Td>
                      <Table.Td>
                        <EditButton
                          what={`${g.account} on ${g.expression}`}
                          onClick={() => {
                            setEditing({
                              kind: 'global',
                              account: g.account,
                              expression: g.expression,
                              limit: g.limit,
                            });
                          }}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
      {editing && data && (
        <Suspense fallback={<LoadingRows label="Opening the limit editor" rows={1} />}>
          <LimitEditor
            start={editing}
            accounts={data.accounts}
            rses={data.rses.map((r) => r.rse)}
            onClose={() => {
              setEditing(null);
            }}
          />
        </Suspense>
      )}
    </Stack>
  );
}
