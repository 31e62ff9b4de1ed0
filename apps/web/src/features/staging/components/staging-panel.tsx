import { Badge, Button, Group, Notification, Paper, Portal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconDownload, IconStack2 } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { QueryError } from '@/components/query-error.tsx';
import { downloadUrl, type DidRef } from '@/lib/did-url.ts';
import { queryKeys } from '@/lib/query-keys.ts';
import { moving, useStagingStatus } from '../api/staging.ts';
import { WHERE_LABEL, whereSentence } from '../utils/staging-words.ts';
import { StagingProgress } from './staging-progress.tsx';

/** Its own chunk: the form, the quota and the lifetimes load when the dialog is first opened. */
const StagingDialog = lazy(async () => ({
  default: (await import('./staging-dialog.tsx')).StagingDialog,
}));

/**
 * True once a staging this page watched has finished (the rule went from replicating or
 * waiting to on disk): the moment to tell the user, and to refresh the rest of the page.
 */
function useJustStaged(did: DidRef, status: ReturnType<typeof useStagingStatus>['data']) {
  const queryClient = useQueryClient();
  const watched = useRef(false);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!status) return;
    if (moving(status)) watched.current = true;
    else if (watched.current && status.progress === 'on_disk') {
      watched.current = false;
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: queryKeys.dids.one(did) });
    }
  }, [status, did, queryClient]);
  return [
    done,
    () => {
      setDone(false);
    },
  ] as const;
}

/**
 * On the DID page: where the data is when it is not all on disk ("On tape only"), the request
 * for staging it, then the staging rule's progress, polled until the copy is on disk, and a
 * notification when it is. Nothing when the data is on disk and was never staged.
 */
export function StagingPanel({ did, isFile }: { did: DidRef; isFile: boolean }) {
  const status = useStagingStatus(did);
  const [opened, dialog] = useDisclosure(false);
  const [asked, setAsked] = useState(false);
  const [justStaged, dismiss] = useJustStaged(did, status.data);
  if (status.isError)
    return (
      <QueryError
        title="Could not tell whether the data is on disk"
        error={status.error}
        retrying={status.isFetching}
        onRetry={() => void status.refetch()}
      />
    );
  const s = status.data;
  if (!s || (s.where === 'disk' && s.rules.length === 0 && !justStaged)) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Staging from tape">
      <Stack gap="sm">
        <Group gap="xs">
          <IconStack2 size={18} aria-hidden />
          <Badge color={s.where === 'disk' ? 'teal' : 'orange'} variant="dot">
            {s.where === 'disk' ? `Staged to ${s.stagingRse}` : WHERE_LABEL[s.where]}
          </Badge>
        </Group>
        {s.where !== 'disk' && <Text size="sm">{whereSentence(s)}</Text>}
        <StagingProgress status={s} />
        {s.progress === 'not_requested' && (
          <Group>
            <Button
              size="xs"
              onClick={() => {
                setAsked(true);
                dialog.open();
              }}
            >
              Request staging
            </Button>
          </Group>
        )}
      </Stack>
      {asked && (
        <Suspense fallback={null}>
          <StagingDialog did={did} status={s} opened={opened} onClose={dialog.close} />
        </Suspense>
      )}
      {justStaged && (
        <Portal>
          <Notification
            role="status"
            aria-live="polite"
            icon={<IconCheck size={18} aria-hidden />}
            color="teal"
            title="Staged: ready to download"
            onClose={dismiss}
            closeButtonProps={{ 'aria-label': 'Dismiss' }}
            // Mantine's description grey fails WCAG AA contrast (axe): the body text colour.
            styles={{ description: { color: 'var(--mantine-color-text)' } }}
            style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 400, maxWidth: 420 }}
          >
            The data is on disk at {s.stagingRse}.{' '}
            {isFile && (
              <Button
                component="a"
                href={downloadUrl(did)}
                download
                size="compact-xs"
                variant="light"
                leftSection={<IconDownload size={12} aria-hidden />}
              >
                Download now
              </Button>
            )}
          </Notification>
        </Portal>
      )}
    </Paper>
  );
}
