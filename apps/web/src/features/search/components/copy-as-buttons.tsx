import type { SearchQuery } from '@bdms/contract/search/query.ts';
import { Button, Code, CopyButton, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconCopy, IconTerminal2 } from '@tabler/icons-react';
import { useState } from 'react';

type Kind = 'cli' | 'python';
const TITLE: Record<Kind, string> = { cli: 'Copy as rucio CLI', python: 'Copy as Python' };

interface Copied {
  kind: Kind;
  text: string;
  notes: string[];
  copied: boolean;
}

/**
 * "Copy as rucio CLI" and "Copy as Python": the text goes to the clipboard and is shown with the
 * notes that say where it would not give exactly the portal's result. The generators load on
 * first use.
 */
export function CopyAsButtons({ query }: { query: SearchQuery }) {
  const [shown, setShown] = useState<Copied | null>(null);
  const copy = async (kind: Kind) => {
    const { toPython, toRucioCli } = await import('@bdms/contract/search/copy-as.ts');
    const { text, notes } = kind === 'cli' ? toRucioCli(query) : toPython(query);
    const copied = await navigator.clipboard
      .writeText(text)
      .then(() => true)
      .catch(() => false);
    setShown({ kind, text, notes, copied });
  };
  return (
    <>
      <Group gap={6}>
        {(['cli', 'python'] as const).map((kind) => (
          <Button
            key={kind}
            size="xs"
            variant="default"
            leftSection={<IconTerminal2 size={14} aria-hidden />}
            onClick={() => void copy(kind)}
          >
            {TITLE[kind]}
          </Button>
        ))}
      </Group>
      <Modal
        opened={shown !== null}
        onClose={() => {
          setShown(null);
        }}
        title={shown ? TITLE[shown.kind] : ''}
        size="xl"
      >
        {shown && (
          <Stack gap="sm">
            <Text size="sm" role="status">
              {shown.copied ? 'Copied to the clipboard.' : 'Select the text below to copy it.'}
            </Text>
            <Code block data-testid="copy-as-text">
              {shown.text}
            </Code>
            {shown.notes.length > 0 && (
              <List size="sm" aria-label="Notes">
                {shown.notes.map((note) => (
                  <List.Item key={note}>{note}</List.Item>
                ))}
              </List>
            )}
            <CopyButton value={shown.text}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconCopy size={14} aria-hidden />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy again'}
                </Button>
              )}
            </CopyButton>
          </Stack>
        )}
      </Modal>
    </>
  );
}
