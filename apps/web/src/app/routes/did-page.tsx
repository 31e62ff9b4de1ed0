import { Paper, Skeleton, Stack, Tabs } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Notice } from '@/components/notice.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { useDid } from '@/features/dids/api/get-did.ts';
import { DidFacts } from '@/features/dids/components/did-facts.tsx';
import { DidHeader } from '@/features/dids/components/did-header.tsx';
import { MetadataTable } from '@/features/dids/components/metadata-table.tsx';
import { lastSegment } from '@/features/dids/utils/did-trail.ts';
import { useStagingStatus } from '@/features/staging/api/staging.ts';
import { isApiError } from '@/lib/api-client.ts';
import type { DidRef } from '@/lib/did-url.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';

/**
 * The contents and parents lists (virtualised, streamed) load their code beside the listing's own
 * request: the header and facts paint first, and the page's first load stays in budget.
 */
const StreamedDidList = lazy(async () => ({
  default: (await import('@/features/dids/components/streamed-did-list.tsx')).StreamedDidList,
}));

/** The rules tab loads its code when it is opened (it keeps the page's first load in budget). */
const DidRulesTable = lazy(async () => ({
  default: (await import('@/features/rules/components/did-rules-table.tsx')).DidRulesTable,
}));

/** Staging from tape (its panel, progress and dialog) loads its code for data not all on disk. */
const StagingPanel = lazy(async () => ({
  default: (await import('@/features/staging/components/staging-panel.tsx')).StagingPanel,
}));

/** The replicas tab (map, RSE list, locks) loads its code when it is opened. */
const ReplicaSummaryTable = lazy(async () => ({
  default: (await import('@/features/replicas/components/replica-summary-table.tsx'))
    .ReplicaSummaryTable,
}));

const TAB_PARAM = 'tab';
const TABS = {
  contents: 'Contents',
  metadata: 'Metadata',
  parents: 'Parents',
  rules: 'Rules',
  replicas: 'Replicas',
} as const;
type Tab = keyof typeof TABS;

/** The sections of one DID; only the open one is mounted, so each asks the BFF when opened. */
function DidSections({ did, tabs }: { did: DidRef; tabs: readonly Tab[] }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get(TAB_PARAM) as Tab | null;
  const tab = asked && tabs.includes(asked) ? asked : tabs[0];
  return (
    <Tabs
      value={tab}
      onChange={(value) => {
        setParams(value && value !== tabs[0] ? { [TAB_PARAM]: value } : {}, { replace: true });
      }}
      keepMounted={false}
    >
      <Tabs.List>
        {tabs.map((t) => (
          <Tabs.Tab key={t} value={t}>
            {TABS[t]}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="contents" pt="md">
        <Suspense fallback={<Skeleton h={120} role="status" aria-label="Loading contents" />}>
          <StreamedDidList did={did} listing="contents" />
        </Suspense>
      </Tabs.Panel>
      <Tabs.Panel value="parents" pt="md">
        <Suspense fallback={<Skeleton h={120} role="status" aria-label="Loading parents" />}>
          <StreamedDidList did={did} listing="parents" />
        </Suspense>
      </Tabs.Panel>
      <Tabs.Panel value="rules" pt="md">
        <Suspense fallback={<Skeleton h={120} role="status" aria-label="Loading rules" />}>
          <DidRulesTable did={did} />
        </Suspense>
      </Tabs.Panel>
      <Tabs.Panel value="replicas" pt="md">
        <Suspense fallback={<Skeleton h={120} role="status" aria-label="Loading replicas" />}>
          <ReplicaSummaryTable did={did} />
        </Suspense>
      </Tabs.Panel>
      <Tabs.Panel value="metadata" pt="md">
        <DidMetadata did={did} />
      </Tabs.Panel>
    </Tabs>
  );
}

function DidMetadata({ did }: { did: DidRef }) {
  const info = useDid(did);
  return info.data ? <MetadataTable entries={info.data.metadata} /> : null;
}

/**
 * /dids/:scope/:name — one DID of any type: its record, then contents (collections; this is how
 * browsing goes down), metadata, parents, rules and replicas; data only on tape is staged from
 * here. Composes the dids, staging, rules and replicas features.
 */
export function DidPage() {
  const params = useParams();
  const did: DidRef = { scope: params.scope ?? '', name: params.name ?? '' };
  usePageTitle(lastSegment(did.name));
  const info = useDid(did);
  // Shared with the staging panel (one query): tape-only data is staged, not downloaded.
  const staging = useStagingStatus(did, info.data !== undefined);
  const collection = info.data && info.data.type !== 'FILE';
  const tabs: Tab[] = collection
    ? ['contents', 'metadata', 'parents', 'rules', 'replicas']
    : ['metadata', 'parents', 'rules', 'replicas'];
  return (
    <Stack gap="lg">
      <DidHeader
        did={did}
        type={info.data?.type}
        downloadable={staging.data === undefined || staging.data.where === 'disk'}
      />
      {info.isPending && <Skeleton role="status" aria-label="Loading the DID" height={120} />}
      {info.isError &&
        (isApiError(info.error) && info.error.status === 404 ? (
          <Notice kind="error" title="No such DID">
            {info.error.message}
          </Notice>
        ) : (
          <QueryError
            title="Could not load the DID"
            error={info.error}
            retrying={info.isFetching}
            onRetry={() => void info.refetch()}
          />
        ))}
      {info.data && (
        <>
          <Paper withBorder p="md" radius="md">
            <DidFacts did={info.data} />
          </Paper>
          {staging.data && (staging.data.where !== 'disk' || staging.data.rules.length > 0) && (
            <Suspense fallback={null}>
              <StagingPanel did={did} isFile={info.data.type === 'FILE'} />
            </Suspense>
          )}
          <DidSections did={did} tabs={tabs} />
        </>
      )}
    </Stack>
  );
}
