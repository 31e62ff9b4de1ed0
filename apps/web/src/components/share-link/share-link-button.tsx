import { Button, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLink } from '@tabler/icons-react';
import { useState, type SyntheticEvent } from 'react';
import type { DidRef } from '@/lib/did-url.ts';
import { formatInstant } from '@/lib/format.ts';
import { useCreateLink } from '@/lib/links-queries.ts';
import { FileLinks } from './file-links.tsx';

const DEFAULT_HOURS = '24';
/** How long a link may work, offered as choices (the BFF refuses more than its maximum). */
const DURATIONS = [
  { value: '1', label: '1 hour' },
  { value: '24', label: '1 day' },
  { value: '72', label: '3 days' },
  { value: '168', label: '7 days' },
];

/**
 * "Share a link" for a file: asks how long it should work, has the BFF sign it, and shows it to
 * copy, with the user's other links to the file below (copy, revoke). Anyone holding a link can
 * fetch the file until it expires or is revoked.
 */
export function ShareLinkButton({ did }: { did: DidRef }) {
  const [opened, dialog] = useDisclosure(false);
  const [hours, setHours] = useState(DEFAULT_HOURS);
  const create = useCreateLink();
  const close = () => {
    dialog.close();
    create.reset();
  };
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    create.mutate({ ...did, hours: Number(hours) });
  };
  const link = create.data;
  return (
    <>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconLink size={14} aria-hidden />}
        onClick={dialog.open}
      >
        Share a link
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title="A download link to share"
        centered
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {link ? (
          <Stack gap="sm">
            <Text size="sm" fw={500} id="share-link-url">
              Link
            </Text>
            <input
              aria-labelledby="share-link-url"
              readOnly
              value={link.url}
              onFocus={(e) => {
                e.currentTarget.select();
              }}
              style={{ width: '100%', fontFamily: 'monospace', padding: 6 }}
            />
            <Text size="sm">
              Works without signing in until {formatInstant(link.expiresAt)}, or until you revoke it
              below.
            </Text>
            <Group justify="flex-end">
              <CopyButton value={link.url}>
                {({ copied, copy }) => (
                  <Button onClick={copy} color={copied ? 'teal' : undefined}>
                    {copied ? 'Copied' : 'Copy the link'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        ) : (
          <form onSubmit={submit} aria-label="New download link">
            <Stack gap="sm">
              <Stack gap={4}>
                <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                  <legend style={{ fontWeight: 500, fontSize: 'var(--mantine-font-size-sm)' }}>
                    Works for
                  </legend>
                  <Group gap="md" mt={4}>
                    {DURATIONS.map((d) => (
                      <label key={d.value} style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
                        <input
                          type="radio"
                          name="link-hours"
                          value={d.value}
                          checked={hours === d.value}
                          onChange={() => {
                            setHours(d.value);
                          }}
                        />{' '}
                        {d.label}
                      </label>
                    ))}
                  </Group>
                </fieldset>
                <Text size="xs" c="dimmed">
                  Anyone with the link can download the file during this time.
                </Text>
                {create.isError && (
                  <Text size="sm" c="red" role="alert">
                    {create.error.message}
                  </Text>
                )}
              </Stack>
              <Group justify="flex-end">
                <Button type="submit" loading={create.isPending}>
                  Create the link
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <Text size="sm" fw={500} mt="md" mb={4}>
          Your links to this file
        </Text>
        <FileLinks did={did} />
      </Modal>
    </>
  );
}
