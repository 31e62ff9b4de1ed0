import {
  Alert,
  Button,
  Checkbox,
  SimpleGrid,
  FileInput,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { LoadingRows } from '@/components/loading-rows.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useApplyBulk, usePreviewBulk, type BulkSource } from '../api/limit-mutations.ts';
import { useLimits } from '../api/quota-queries.ts';
import { valueOf, type ValueMode } from '../utils/limit-form.ts';
import { LimitValueField } from './limit-value-field.tsx';
import { BulkPreviewTable, BulkResultTable } from './bulk-results.tsx';
import { QuotasHeader } from './quotas-tabs.tsx';

const CSV_HELP =
  'One row per line: account,rse,bytes (or a header account,expression,bytes for global limits). Bytes as "10 TB", "500 GB", "123" or "unlimited"; empty removes the limit.';

/**
 * Admins: the same limit for many accounts × RSEs (or expressions), or a CSV; a dry run first,
 * then apply. The request id stays the same until the edit changes, so a retry after a failure
 * part-way applies only what is missing.
 */
export function BulkPage() {
  usePageTitle('Bulk limit edit');
  const limits = useLimits();
  const preview = usePreviewBulk();
  const apply = useApplyBulk();
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [kind, setKind] = useState<'same' | 'csv'>('same');
  const [accountText, setAccountText] = useState('');
  const [rses, setRses] = useState<string[]>([]);
  const [expressions, setExpressions] = useState('');
  const [mode, setMode] = useState<ValueMode>('bytes');
  const [text, setText] = useState('');
  const [csv, setCsv] = useState('');
  const [belowOk, setBelowOk] = useState(false);
  const edited = () => {
    preview.reset();
    apply.reset();
    setBelowOk(false);
    setRequestId(crypto.randomUUID());
  };
  const value = valueOf(mode, text);
  const accounts = accountText.split(/[\s,]+/).filter(Boolean);
  const exprs = expressions
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const source: BulkSource | null =
    kind === 'csv'
      ? csv.trim()
        ? { kind: 'csv', csv }
        : null
      : accounts.length && (rses.length || exprs.length) && value.ok
        ? { kind: 'same', accounts, rses, expressions: exprs, limit: value.value }
        : null;
  const plan = preview.data;
  const result = apply.data;
  const run = () => {
    if (source) apply.mutate({ requestId, source, confirmBelowUsage: belowOk });
  };
  return (
    <Stack gap="md">
      <QuotasHeader title="Bulk limit edit" />
      {limits.isPending && <LoadingRows label="Loading accounts and RSEs" rows={3} />}
      {limits.isError && (
        <QueryError
          title="Could not load accounts and RSEs"
          error={limits.error}
          retrying={limits.isFetching}
          onRetry={() => void limits.refetch()}
        />
      )}
      <SegmentedControl
        aria-label="Bulk edit source"
        value={kind}
        onChange={(v) => {
          setKind(v);
          edited();
        }}
        data={[
          { value: 'same', label: 'Same limit for many' },
          { value: 'csv', label: 'CSV import' },
        ]}
      />
      {kind === 'same' ? (
        <Stack gap="sm">
          <Textarea
            label="Accounts"
            description="Rucio account names, one per line or separated by commas or spaces"
            autosize
            minRows={2}
            maxRows={8}
            value={accountText}
            onChange={(e) => {
              setAccountText(e.currentTarget.value);
              edited();
            }}
          />
          <Checkbox.Group
            label="RSEs (local limits)"
            value={rses}
            onChange={(v) => {
              setRses(v);
              edited();
            }}
          >
            <SimpleGrid cols={{ base: 2, sm: 4 }} mt={6}>
              {(limits.data?.rses ?? []).map((r) => (
                <Checkbox key={r.rse} value={r.rse} label={r.rse} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <TextInput
            label="RSE expressions (global limits), comma-separated"
            value={expressions}
            onChange={(e) => {
              setExpressions(e.currentTarget.value);
              edited();
            }}
          />
          <Group align="end">
            <LimitValueField
              mode={mode}
              text={text}
              onChange={(m, t) => {
                setMode(m);
                setText(t);
                edited();
              }}
            />
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <FileInput
            label="CSV file"
            accept=".csv,text/csv"
            placeholder="Choose a CSV file"
            onChange={(file) => {
              if (file)
                void file.text().then((t) => {
                  setCsv(t);
                  edited();
                });
            }}
          />
          <Textarea
            label="CSV rows"
            description={CSV_HELP}
            autosize
            minRows={4}
            maxRows={14}
            value={csv}
            onChange={(e) => {
              setCsv(e.currentTarget.value);
              edited();
            }}
          />
        </Stack>
      )}
      <Group>
        <Button
          variant="light"
          disabled={!source}
          loading={preview.isPending}
          onClick={() => {
            if (source) preview.mutate({ requestId, source });
          }}
        >
          Preview (dry run)
        </Button>
        {plan && !result && (
          <Button
            disabled={!plan.canApply || (plan.summary.belowUsage > 0 && !belowOk)}
            loading={apply.isPending}
            onClick={run}
          >
            Apply {plan.summary.changes} changes
          </Button>
        )}
        {result && !result.complete && (
          <Button color="orange" loading={apply.isPending} onClick={run}>
            Retry the rows not applied
          </Button>
        )}
      </Group>
      {preview.isError && (
        <Alert color="red" role="alert" title="The preview failed">
          {preview.error.message}
        </Alert>
      )}
      {apply.isError && (
        <Alert color="red" role="alert" title="Nothing was applied">
          {apply.error.message}
        </Alert>
      )}
      {plan && !result && (
        <>
          <Text size="sm" aria-live="polite">
            {plan.summary.rows} rows: {plan.summary.changes} changes, {plan.summary.unchanged}{' '}
            unchanged, {plan.summary.invalid} invalid, {plan.summary.belowUsage} below usage.
            Nothing has been written yet.
          </Text>
          {plan.summary.belowUsage > 0 && (
            <Checkbox
              label={`Set ${String(plan.summary.belowUsage)} limits below what the accounts store`}
              checked={belowOk}
              onChange={(e) => {
                setBelowOk(e.currentTarget.checked);
              }}
            />
          )}
          <BulkPreviewTable rows={plan.rows} />
        </>
      )}
      {result && (
        <>
          <Alert
            color={result.complete ? 'teal' : 'orange'}
            role="status"
            title={result.complete ? 'Applied' : 'Applied in part'}
          >
            {result.summary.applied} applied, {result.summary.unchanged} unchanged,{' '}
            {result.summary.failed} failed, {result.summary.notApplied} not applied.
            {!result.complete && ' Retrying applies only the rows not applied yet.'}
          </Alert>
          <BulkResultTable rows={result.rows} />
        </>
      )}
    </Stack>
  );
}
