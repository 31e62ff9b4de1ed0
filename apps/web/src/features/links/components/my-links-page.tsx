import { Anchor, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { Segments } from '@/components/segments/segments.tsx';
import type { DownloadLink } from '@/lib/api-contract-links.ts';
import { useLinks } from '@/lib/links-queries.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import {
  countByState,
  LINK_FILTERS,
  linkWords,
  parseLinkFilter,
  withState,
  type LinkFilter,
} from '../utils/link-views.ts';
import { LinksTable } from './links-table.tsx';
import { RevokeLinkDialog } from './revoke-link-dialog.tsx';

/** Where links are made, for someone who has none yet. */
function NoLinks() {
  return (
    <EmptyState
      icon={<IconLink size={28} aria-hidden />}
      withIndicatorBackground
      title="You have made no links yet"
      description={
        <>
          Make one on a file’s page with <strong>Share a link</strong>, or get a curl, wget or
          Metalink script for a dataset, your{' '}
          <Anchor component={Link} to="/basket">
            basket
          </Anchor>{' '}
          or a{' '}
          <Anchor component={Link} to="/search">
            search
          </Anchor>
          ’s selection: all of a script’s files share one link. Your links are listed here, to copy
          or revoke.
        </>
      }
    />
  );
}

/** The state filter, in the URL (`?state=revoked`) so a filtered list can be reloaded or shared. */
function useLinkFilter() {
  const [params, setParams] = useSearchParams();
  const filter = parseLinkFilter(params.get('state'));
  const setFilter = (next: LinkFilter) => {
    const p = new URLSearchParams(params);
    if (next === 'all') p.delete('state');
    else p.set('state', next);
    setParams(p, { replace: true });
  };
  return [filter, setFilter] as const;
}

/** /my-links — every signed link the user made (for files and scripts): copy, revoke, filter. */
export function MyLinksPage() {
  usePageTitle('My links');
  const links = useLinks({ fresh: true });
  const [filter, setFilter] = useLinkFilter();
  const [dialogOpened, dialog] = useDisclosure(false);
  const [toRevoke, setToRevoke] = useState<DownloadLink | null>(null);
  const [revoked, setRevoked] = useState<DownloadLink | null>(null);
  const all = links.data?.links ?? [];
  const counts = countByState(all);
  const shown = withState(all, filter);
  return (
    <Stack gap="md">
      <Title order={1}>My links</Title>
      <Text size="sm" c="dimmed">
        Signed links you made. Anyone holding one can fetch its file without signing in until it
        expires or you revoke it; every use is recorded.
      </Text>
      {links.isPending && <LoadingRows label="Loading your links" rows={4} />}
      {links.isError && (
        <QueryError
          title="Could not load your links"
          error={links.error}
          retrying={links.isFetching}
          onRetry={() => void links.refetch()}
        />
      )}
      {links.isSuccess && all.length === 0 && <NoLinks />}
      {all.length > 0 && (
        <>
          <Group gap="sm" align="center">
            <Segments
              label="Show links"
              value={filter}
              onChange={setFilter}
              data={LINK_FILTERS.map((f) => ({
                value: f.value,
                label: `${f.label} (${String(counts[f.value])})`,
              }))}
            />
            <Text size="sm" role="status">
              {revoked && `Revoked ${linkWords(revoked)}: it no longer gives anyone the data.`}
            </Text>
          </Group>
          {shown.length === 0 ? (
            <Text size="sm" c="dimmed">
              None of your links is {filter}.
            </Text>
          ) : (
            <LinksTable
              links={shown}
              onRevoke={(link) => {
                setToRevoke(link);
                dialog.open();
              }}
            />
          )}
        </>
      )}
      <RevokeLinkDialog
        link={toRevoke}
        opened={dialogOpened}
        onClose={dialog.close}
        onRevoked={setRevoked}
      />
    </Stack>
  );
}
