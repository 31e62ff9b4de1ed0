import {
  Button,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLink } from '@tabler/icons-react';
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { Notice } from '@/components/notice.tsx';
import type { DidRef } from '@/lib/did-url.ts';
import { formatInstant } from '@/lib/format.ts';
import { useCreateLink } from '../api/links.ts';

const DEFAULT_HOURS = 24;

/**
 * "Share a link" for a file: asks how long it should work, has the BFF sign it, and shows it to
 * copy. Anyone holding the link can fetch the file until it expires or is revoked (My links).
 */
export function ShareLinkButton({ did }: { did: DidRef }) {
  const [opened, dialog] = useDisclosure(false);
  const [hours, setHours] = useState<number | string>(DEFAULT_HOURS);
  const create = useCreateLink();
  const close = () => {
    dialog.close();
    create.reset();
  };
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (typeof hours === 'number') create.mutate({ ...did, hours });
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
      <Modal opened={opened} onClose={close} title="A download link to share" centered>
        {link ? (
          <Stack gap="sm">
            <TextInput
              label="Link"
              value={link.url}
              readOnly
              onFocus={(e) => {
                e.currentTarget.select();
              }}
            />
            <Text size="sm">
              Works without signing in until {formatInstant(link.expiresAt)}, or until you revoke it
              in <Link to="/my-links">My links</Link>.
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
              <NumberInput
                label="Works for (hours)"
                description="Anyone with the link can download the file during this time."
                min={1}
                allowDecimal={false}
                value={hours}
                onChange={setHours}
                error={create.error?.message}
              />
              {create.isError && !create.error.message.includes('hours') && (
                <Notice kind="error" title="No link">
                  {create.error.message}
                </Notice>
              )}
              <Group justify="flex-end">
                <Button
                  type="submit"
                  loading={create.isPending}
                  disabled={typeof hours !== 'number'}
                >
                  Create the link
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
