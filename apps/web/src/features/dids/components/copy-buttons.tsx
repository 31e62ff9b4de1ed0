import { ActionIcon, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconTag } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { didString, type DidRef } from '@/lib/did-url.ts';
import { downloadCommand } from '../utils/did-trail.ts';

function CopyAction({ value, label, icon }: { value: string; label: string; icon: ReactNode }) {
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label} withArrow>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={label}
            onClick={copy}
            color={copied ? 'teal' : undefined}
          >
            {copied ? <IconCheck size={18} aria-hidden /> : icon}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** Copy the DID as Rucio writes it, its name alone, or the `rucio` command that fetches it. */
export function CopyButtons({ did }: { did: DidRef }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <CopyAction
        value={didString(did)}
        label="Copy DID"
        icon={<IconCopy size={18} aria-hidden />}
      />
      <CopyAction value={did.name} label="Copy name" icon={<IconTag size={18} aria-hidden />} />
      <CopyAction
        value={downloadCommand(did)}
        label="Copy download command"
        icon={<IconDownload size={18} aria-hidden />}
      />
    </Group>
  );
}
