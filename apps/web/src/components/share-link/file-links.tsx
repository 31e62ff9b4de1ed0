import { Skeleton, Stack, Table, Text } from '@mantine/core';
import type { DidRef } from '@/lib/did-url.ts';
import { formatCount, formatInstant } from '@/lib/format.ts';
import { useLinks, useRevokeLink } from '@/lib/links-queries.ts';
import { LinkActions, LinkStateBadge } from './link-parts.tsx';

/** The user's links to this file: until when, how often used; copy or revoke each. */
export function FileLinks({ did }: { did: DidRef }) {
  const links = useLinks();
  const revoke = useRevokeLink();
  if (links.isPending)
    return <Skeleton height={40} role="status" aria-label="Loading your links" />;
  if (links.isError)
    return (
      <Text size="sm" c="red">
        Could not load your links: {links.error.message}
      </Text>
    );
  const mine = links.data.links.filter((l) => l.scope === did.scope && l.name === did.name);
  if (mine.length === 0)
    return (
      <Text size="sm" c="dimmed">
        You have no link to this file yet.
      </Text>
    );
  return (
    <Stack gap={4}>
      {revoke.isError && (
        <Text size="sm" c="red" role="alert">
          Could not revoke: {revoke.error.message}
        </Text>
      )}
      <Table aria-label="Your links to this file" fz="xs">
        <Table.Thead>
          <Table.Tr>
            {['Made', 'Expires', 'State', 'Uses', 'Actions'].map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mine.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Th scope="row" fw={400}>
                {formatInstant(l.createdAt)}
              </Table.Th>
              <Table.Td>{formatInstant(l.expiresAt)}</Table.Td>
              <Table.Td>
                <LinkStateBadge state={l.state} />
              </Table.Td>
              <Table.Td>{formatCount(l.uses)}</Table.Td>
              <Table.Td>
                <LinkActions
                  link={l}
                  what={`the link made ${formatInstant(l.createdAt)}`}
                  revoking={revoke.isPending && revoke.variables === l.id}
                  onRevoke={() => {
                    revoke.mutate(l.id);
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
