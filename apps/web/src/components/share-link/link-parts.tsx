import { Badge, Button, CopyButton, Group } from '@mantine/core';
import type { DownloadLink } from '@/lib/api-contract-links.ts';

const STATE_COLOR = { active: 'teal', expired: 'gray', revoked: 'red' } as const;

/** A link's state as its tables show it: active, expired or revoked. */
export function LinkStateBadge({ state }: { state: DownloadLink['state'] }) {
  return (
    // max-content: a narrow table column must not cut the word to an ellipsis.
    <Badge variant="dot" color={STATE_COLOR[state]} miw="max-content">
      {state}
    </Badge>
  );
}

interface LinkActionsProps {
  link: DownloadLink;
  /** Names the link in both buttons ("the link made …"): a table holds many such buttons. */
  what: string;
  /** Revokes at once, or asks first: the table decides. */
  onRevoke: () => void;
  revoking?: boolean;
}

/** A link's row actions: Copy, and Revoke while it is active. */
export function LinkActions({ link, what, onRevoke, revoking = false }: LinkActionsProps) {
  return (
    <Group gap={4} wrap="nowrap">
      <CopyButton value={link.url}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="light" onClick={copy} aria-label={`Copy ${what}`}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
      {link.state === 'active' && (
        <Button
          size="compact-xs"
          variant="light"
          color="red"
          loading={revoking}
          onClick={onRevoke}
          aria-label={`Revoke ${what}`}
        >
          Revoke
        </Button>
      )}
    </Group>
  );
}
