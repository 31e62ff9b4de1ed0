import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { LinkActions, LinkStateBadge } from '@/components/share-link/link-parts.tsx';
import type { DownloadLink } from '@/lib/api-contract-links.ts';
import { didPath, didString } from '@/lib/did-url.ts';
import { formatCount, formatInstant } from '@/lib/format.ts';
import { linkTarget, linkWords, targetName } from '../utils/link-views.ts';

const COLUMNS = ['File', 'Made', 'Expires', 'State', 'Uses', 'Last used', 'Actions'];

/** The file a link gives (its DID page one click away), or what a script's link covers. */
function LinkTargetCell({ link }: { link: DownloadLink }) {
  const target = linkTarget(link);
  const note =
    target.kind === 'file'
      ? target.did.scope
      : target.kind === 'collection'
        ? `${target.did.scope} · script, all its files`
        : 'script, all their files';
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
      {target.kind === 'selection' ? (
        <Text size="sm">{target.label}</Text>
      ) : (
        <Anchor
          component={Link}
          to={didPath(target.did)}
          size="sm"
          ff="monospace"
          title={didString(target.did)}
          style={{ overflowWrap: 'anywhere' }}
        >
          {targetName(target)}
        </Anchor>
      )}
    </Stack>
  );
}

interface LinksTableProps {
  links: readonly DownloadLink[];
  /** Asks before revoking: the page opens its confirmation. */
  onRevoke: (link: DownloadLink) => void;
}

/** The user's links, newest first: what each gives, until when, how often used; copy or revoke. */
export function LinksTable({ links, onRevoke }: LinksTableProps) {
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table aria-label="Your download links" verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((h) => (
              <Table.Th key={h} scope="col" ta={h === 'Uses' ? 'right' : undefined}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {links.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Th scope="row" fw={400} maw={360}>
                <LinkTargetCell link={l} />
              </Table.Th>
              <Table.Td>{formatInstant(l.createdAt)}</Table.Td>
              <Table.Td>{formatInstant(l.expiresAt)}</Table.Td>
              <Table.Td>
                <LinkStateBadge state={l.state} />
                {l.revokedAt && (
                  <Text size="xs" c="dimmed">
                    {formatInstant(l.revokedAt)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatCount(l.uses)}</Table.Td>
              <Table.Td>{formatInstant(l.lastUsedAt)}</Table.Td>
              <Table.Td>
                <LinkActions
                  link={l}
                  what={`${linkWords(l)} made ${formatInstant(l.createdAt)}`}
                  onRevoke={() => {
                    onRevoke(l);
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
