import { Badge, Button, Group, Stack, Title } from '@mantine/core';
import { IconDownload, IconFileZip } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { DidAction } from '@/components/did-actions.tsx';
import { bundleUrl, downloadUrl, type DidRef } from '@/lib/did-url.ts';
import { ruleRequestPath } from '@/lib/rule-url.ts';
import { TYPE_LABEL, type DidType } from '../types.ts';
import { lastSegment } from '../utils/did-trail.ts';
import { CopyButtons } from './copy-buttons.tsx';
import { DidBreadcrumbs } from './did-breadcrumbs.tsx';
import { DidTypeIcon } from './did-type-icon.tsx';

/** Its own chunk, loaded on a file's page: the dialog, its form and the user's links. */
const ShareLinkButton = lazy(async () => ({
  default: (await import('@/components/share-link/share-link-button.tsx')).ShareLinkButton,
}));

/**
 * Breadcrumbs, the DID's name as the page heading, its type, a file's download, a rule request,
 * the copy buttons. `downloadable` false (data only on tape) leaves the downloads and the link
 * out: the page offers staging instead.
 */
export function DidHeader({
  did,
  type,
  downloadable = true,
}: {
  did: DidRef;
  type?: DidType | undefined;
  downloadable?: boolean;
}) {
  return (
    <Stack gap="xs">
      <DidBreadcrumbs did={did} />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          {type && (
            <span style={{ flex: 'none', display: 'flex' }}>
              <DidTypeIcon type={type} size={26} />
            </span>
          )}
          <Title order={1} fz="h2" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {lastSegment(did.name)}
          </Title>
          {type && (
            <Badge
              variant="light"
              color={type === 'FILE' ? 'gray' : 'blue'}
              style={{ flex: 'none' }}
            >
              {TYPE_LABEL[type]}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          {type === 'FILE' && downloadable && (
            <Button
              component="a"
              href={downloadUrl(did)}
              download
              size="xs"
              leftSection={<IconDownload size={14} aria-hidden />}
            >
              Download
            </Button>
          )}
          {type === 'FILE' && downloadable && (
            <Suspense fallback={null}>
              <ShareLinkButton did={did} />
            </Suspense>
          )}
          {type && type !== 'FILE' && downloadable && (
            <Button
              component="a"
              href={bundleUrl(did)}
              download
              size="xs"
              variant="light"
              leftSection={<IconFileZip size={14} aria-hidden />}
            >
              Download as ZIP
            </Button>
          )}
          <DidAction dids={[did]} />
          <Button component={Link} to={ruleRequestPath([did])} variant="light" size="xs">
            Request a rule
          </Button>
          <CopyButtons did={did} />
        </Group>
      </Group>
    </Stack>
  );
}
