import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatBytes, formatCount, formatInstant } from '@/lib/format.ts';
import { TYPE_LABEL, type DidDetails } from '../types.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

const yesNo = (v: boolean | null): string => (v === null ? '—' : v ? 'yes' : 'no');

function Status({ did }: { did: DidDetails }) {
  const { status } = did;
  const flags = [
    status.availability && {
      label: status.availability,
      color: status.availability === 'AVAILABLE' ? 'teal' : 'red',
    },
    did.type !== 'FILE' &&
      status.open !== null && { label: status.open ? 'open' : 'closed', color: 'blue' },
    status.monotonic && { label: 'monotonic', color: 'gray' },
    status.suppressed && { label: 'suppressed', color: 'orange' },
    status.obsolete && { label: 'obsolete', color: 'orange' },
    status.hidden && { label: 'hidden', color: 'gray' },
  ].filter((f): f is { label: string; color: string } => Boolean(f));
  if (flags.length === 0) return <>—</>;
  return (
    <Group gap={4} component="span">
      {flags.map((f) => (
        <Badge key={f.label} size="sm" variant="dot" color={f.color}>
          {f.label}
        </Badge>
      ))}
    </Group>
  );
}

/** The DID's record at a glance, as a description list. */
export function DidFacts({ did }: { did: DidDetails }) {
  const files = did.type === 'FILE' ? null : did.length;
  return (
    <SimpleGrid
      component="dl"
      cols={{ base: 1, xs: 2, md: 4 }}
      spacing="md"
      verticalSpacing="sm"
      m={0}
    >
      <Fact label="Scope">{did.scope}</Fact>
      <Fact label="Type">{TYPE_LABEL[did.type]}</Fact>
      <Fact label="Owner account">{did.account}</Fact>
      <Fact label="Size">
        <span title={did.bytes === null ? undefined : `${formatCount(did.bytes)} bytes`}>
          {formatBytes(did.bytes)}
        </span>
      </Fact>
      {files !== null && <Fact label="Files">{formatCount(files)}</Fact>}
      {did.type === 'FILE' && (
        <>
          <Fact label="Adler-32">
            <code>{did.adler32 ?? '—'}</code>
          </Fact>
          <Fact label="MD5">
            <code>{did.md5 ?? '—'}</code>
          </Fact>
        </>
      )}
      <Fact label="Created">{formatInstant(did.createdAt)}</Fact>
      <Fact label="Updated">{formatInstant(did.updatedAt)}</Fact>
      <Fact label="Lifetime">
        {did.expiresAt ? `until ${formatInstant(did.expiresAt)}` : 'permanent'}
      </Fact>
      <Fact label="Status">
        <Status did={did} />
      </Fact>
      {did.type !== 'FILE' && <Fact label="Monotonic">{yesNo(did.status.monotonic)}</Fact>}
    </SimpleGrid>
  );
}
