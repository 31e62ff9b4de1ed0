import { Button, Group, Modal, Text } from '@mantine/core';
import type { DownloadLink } from '@/lib/api-contract-links.ts';
import { useRevokeLink } from '@/lib/links-queries.ts';
import { linkTarget, linkWords } from '../utils/link-views.ts';

interface RevokeLinkDialogProps {
  /** The link to revoke; kept while the dialog closes, so its text does not vanish mid-fade. */
  link: DownloadLink | null;
  opened: boolean;
  onClose: () => void;
  onRevoked: (link: DownloadLink) => void;
}

/** Asks before revoking a link (it cannot be undone); stays open on a failure, saying why. */
export function RevokeLinkDialog({ link, opened, onClose, onRevoked }: RevokeLinkDialogProps) {
  const revoke = useRevokeLink();
  const close = () => {
    onClose();
    revoke.reset();
  };
  const script = link !== null && linkTarget(link).kind !== 'file';
  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Revoke this link?"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {link && (
        <>
          <Text size="sm">
            {script
              ? `From now on, ${linkWords(link)} stops working for every file of its script: each URL answers that it was revoked, whoever holds it.`
              : `From now on, ${linkWords(link)} answers that it was revoked, whoever holds it.`}{' '}
            This cannot be undone: to share the data again, make a new link.
          </Text>
          {revoke.isError && (
            <Text size="sm" c="red" role="alert" mt="xs">
              Could not revoke the link: {revoke.error.message}
            </Text>
          )}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={close}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => {
                revoke.mutate(link.id, {
                  onSuccess: (revoked) => {
                    onRevoked(revoked);
                    close();
                  },
                });
              }}
            >
              Revoke the link
            </Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
