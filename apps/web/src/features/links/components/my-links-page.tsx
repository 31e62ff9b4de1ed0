import {
  Anchor,
  Badge,
  Button,
  CopyButton,
  EmptyState,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { didPath } from '@/lib/did-url.ts';
import { formatBytes, formatCount, formatInstant } from '@/lib/format.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useLinks, useRevokeLink } from '../api/links.ts';

const STATE_COLOR = { active: 'teal', expired: 'gray', revoked: 'red' } as const;
const fileOf = (name: string) => name.split('/').filter(Boolean).pop() ?? name;

/** The user's signed download links: what each serves, until when, how often used; revoke. */
export function MyLinksPage() {
  usePageTitle('My links');
  const links = useLinks();
  const revoke = useRevokeLink();
  if (links.isPending) return <LoadingRows label="Loading your links" />;
  if (links.isError)
    return (
      <QueryError
        title="Could not load your links"
        error={links.error}
        retrying={links.isFetching}
        onRetry={() => void links.refetch()}
      />
    );
  const { data } = links;
  return (
    <Stack gap="md">
      <Title order={1}>My links</Title>
      <Text size="sm" c="dimmed">
        Download links you made from file pages (Share a link). Anyone holding one can fetch its
        file until it expires (at most {formatCount(data.maxHours)} hours here) or you revoke it.
      </Text>
      {revoke.isError && <Text c="red">Could not revoke: {revoke.error.message}</Text>}
      {data.links.length === 0 ? (
        <EmptyState
          icon={<IconLinkOff size={28} aria-hidden />}
          withIndicatorBackground
          title="No links yet"
          description="Open a file and choose Share a link."
        />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label="My download links">
            <Table.Thead>
              <Table.Tr>
                {['File', 'Size', 'State', 'Expires', 'Uses', 'Last used', 'Actions'].map((h) => (
                  <Table.Th key={h} scope="col">
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.links.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={didPath(l)} title={`${l.scope}:${l.name}`}>
                      {fileOf(l.name)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{formatBytes(l.bytes)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATE_COLOR[l.state]}>
                      {l.state}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatInstant(l.expiresAt)}</Table.Td>
                  <Table.Td>{formatCount(l.uses)}</Table.Td>
                  <Table.Td>{formatInstant(l.lastUsedAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <CopyButton value={l.url}>
                        {({ copied, copy }) => (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={copy}
                            aria-label={`Copy the link to ${fileOf(l.name)}`}
                          >
                            {copied ? 'Copied' : 'Copy'}
                          </Button>
                        )}
                      </CopyButton>
                      {l.state === 'active' && (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          loading={revoke.isPending && revoke.variables === l.id}
                          onClick={() => {
                            revoke.mutate(l.id);
                          }}
                          aria-label={`Revoke the link to ${fileOf(l.name)}`}
                        >
                          Revoke
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
