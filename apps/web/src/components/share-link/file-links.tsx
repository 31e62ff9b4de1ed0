import { useEffect, useRef, useState } from 'react';
import { Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { DidRef } from '@/lib/did-url.ts';
import { formatCount, formatInstant } from '@/lib/format.ts';
import { useLinks, useRevokeLink } from '@/lib/links-queries.ts';
import { LinkActions, LinkStateBadge } from './link-parts.tsx';

/** Asks in the row before revoking (this table already sits in a dialog): it cannot be undone. */
function ConfirmRevoke({
  what,
  onRevoke,
  onKeep,
  revoking,
}: {
  what: string;
  onRevoke: () => void;
  onKeep: () => void;
  revoking: boolean;
}) {
  // The Revoke button just pressed is gone: the keyboard goes on from the safe choice.
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    keep.current?.focus();
  }, []);
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={`Revoke ${what}? This cannot be undone`}>
      <Text size="xs">Revoke for good?</Text>
      <Button size="compact-xs" color="red" loading={revoking} onClick={onRevoke}>
        Revoke it
      </Button>
      <Button ref={keep} size="compact-xs" variant="default" onClick={onKeep}>
        Keep it
      </Button>
    </Group>
  );
}

/** The user's links to this file: until when, how often used; copy or revoke each (asked first). */
export function FileLinks({ did }: { did: DidRef }) {
  const links = useLinks();
  const revoke = useRevokeLink();
  const [asking, setAsking] = useState<string | null>(null);
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
                {asking === l.id && l.state === 'active' ? (
                  <ConfirmRevoke
                    what={`the link made ${formatInstant(l.createdAt)}`}
                    revoking={revoke.isPending && revoke.variables === l.id}
                    onRevoke={() => {
                      revoke.mutate(l.id, {
                        onSettled: () => {
                          setAsking(null);
                        },
                      });
                    }}
                    onKeep={() => {
                      setAsking(null);
                    }}
                  />
                ) : (
                  <LinkActions
                    link={l}
                    what={`the link made ${formatInstant(l.createdAt)}`}
                    onRevoke={() => {
                      revoke.reset();
                      setAsking(l.id);
                    }}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
