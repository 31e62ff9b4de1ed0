import {
  Anchor,
  Badge,
  Button,
  SegmentedControl,
  Group,
  NumberInput,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Notice } from '@/components/notice.tsx';
import { isApiError } from '@/lib/api-client.ts';
import { plural } from '@/lib/format.ts';
import { rulePath } from '@/lib/rule-url.ts';
import { usePageTitle } from '@/lib/use-page-title.ts';
import { useRequestRule, useRseExpression, useRuleQuote } from '../api/rule-request.ts';
import { didsFromSearch, parseDids } from '@/lib/parse-dids.ts';
import { QuoteTable } from './quote-table.tsx';

type Field = 'dids' | 'rseExpression' | 'copies' | 'lifetimeSeconds' | 'comment' | 'askApproval';

/** The field a BFF refusal names (`details.field`), if any. */
const fieldOf = (error: unknown): Field | undefined => {
  if (!isApiError(error)) return undefined;
  const details = error.details as { field?: Field } | undefined;
  if (details?.field) return details.field;
  const issues = (error.details as { issues?: { path?: (string | number)[] }[] } | undefined)
    ?.issues;
  return issues?.[0]?.path?.[1] as Field | undefined;
};

/**
 * Ask Rucio for a replication rule: the DIDs (from a DID page, a search selection or pasted), an
 * RSE expression previewed as it is typed, copies, lifetime and comment; the quota cost on the
 * resolved RSEs before submitting, and "ask for approval" (with a reason) when over quota.
 */
export function RuleRequestPage() {
  usePageTitle('Request a rule');
  const [params] = useSearchParams();
  const [didText, setDidText] = useState(() => didsFromSearch(params));
  const [expression, setExpression] = useState('');
  const [copies, setCopies] = useState<number>(1);
  const [lifetimeDays, setLifetimeDays] = useState<number | ''>('');
  const [comment, setComment] = useState('');
  const [askApproval, setAskApproval] = useState(false);
  const [debounced] = useDebouncedValue(expression.trim(), 400);
  const parsed = useMemo(() => parseDids(didText), [didText]);
  const preview = useRseExpression(debounced);
  const resolved = preview.isSuccess && !preview.isPlaceholderData && preview.data.problem === null;
  const quoteInput =
    parsed.errors.length === 0 && parsed.dids.length > 0 && resolved
      ? { dids: parsed.dids, rseExpression: debounced, copies }
      : null;
  const quote = useRuleQuote(quoteInput);
  const request = useRequestRule();
  const failedAt = fieldOf(request.error);
  const errorAt = (field: Field) =>
    failedAt === field && request.error ? request.error.message : undefined;

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (parsed.errors.length > 0 || parsed.dids.length === 0) return;
    request.mutate({
      dids: parsed.dids,
      rseExpression: expression.trim(),
      copies,
      lifetimeSeconds: lifetimeDays === '' ? null : Math.round(lifetimeDays * 86_400),
      comment: comment.trim() || null,
      askApproval,
    });
  };

  const didsError =
    parsed.errors.join(' ') ||
    errorAt('dids') ||
    (didText.trim() && parsed.dids.length === 0 ? 'Name at least one DID.' : undefined);
  const current = debounced === expression.trim();
  const expressionError =
    errorAt('rseExpression') ??
    (current && preview.data?.problem ? preview.data.problem : undefined) ??
    (current && preview.isError ? preview.error.message : undefined);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={1}>Request a replication rule</Title>
        <TextInput
          component="textarea"
          label="DIDs"
          description="One scope:name per line (at most 100)"
          required
          value={didText}
          onChange={(e) => {
            setDidText(e.currentTarget.value);
          }}
          error={didsError}
          styles={{
            input: { fontFamily: 'var(--mantine-font-family-monospace)', minHeight: 120 },
          }}
        />
        <TextInput
          label="RSE expression"
          description="An RSE or an expression, e.g. OFFSITE, DESY-ZN-DISK|CSCS-DISK, OFFSITE\PIC-TAPE"
          required
          value={expression}
          onChange={(e) => {
            setExpression(e.currentTarget.value);
          }}
          error={expressionError}
        />
        <div aria-live="polite">
          {preview.isFetching && !preview.data && (
            <Skeleton h={24} role="status" aria-label="Resolving the expression" />
          )}
          {preview.data && !expressionError && (
            <Group gap="xs" aria-label="RSEs the expression resolves to" role="list">
              <Text size="sm">Resolves to {plural(preview.data.rses.length, 'RSE')}:</Text>
              {preview.data.rses.map((r) => (
                <Badge
                  key={r.rse}
                  variant="light"
                  role="listitem"
                  color={r.type === 'TAPE' ? 'grape' : 'blue'}
                >
                  {r.rse}
                </Badge>
              ))}
            </Group>
          )}
        </div>
        <Group grow align="flex-start">
          <NumberInput
            label="Copies"
            min={1}
            max={10}
            allowDecimal={false}
            value={copies}
            onChange={(v) => {
              setCopies(typeof v === 'number' ? v : 1);
            }}
            error={errorAt('copies')}
          />
          <NumberInput
            label="Lifetime (days)"
            description="Empty: the rule never expires"
            min={0.01}
            value={lifetimeDays}
            onChange={(v) => {
              setLifetimeDays(typeof v === 'number' ? v : '');
            }}
            error={errorAt('lifetimeSeconds')}
          />
        </Group>
        <TextInput
          component="textarea"
          label="Comment"
          description={askApproval ? 'Required: why the data is needed' : 'Optional'}
          required={askApproval}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
          }}
          error={errorAt('comment')}
        />
        <section aria-label="Quota">
          {quote.isFetching && !quote.data && (
            <Skeleton h={80} role="status" aria-label="Computing the quota cost" />
          )}
          {quote.isError && (
            <Notice kind="error" title="No quota estimate">
              {quote.error.message}
            </Notice>
          )}
          {quote.data && quoteInput && <QuoteTable quote={quote.data} />}
          {quote.data?.overQuota && quoteInput && (
            <Notice kind="info" title="Over quota">
              Only {plural(quote.data.fitting, 'RSE')} of these can take a copy within your limits,
              and you ask for {plural(copies, 'copy', 'copies')}: Rucio would refuse the rule. You
              can ask an administrator to approve it instead.
            </Notice>
          )}
        </section>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="rule-mode">
            How to submit
          </Text>
          <SegmentedControl
            aria-labelledby="rule-mode"
            value={askApproval ? 'approval' : 'direct'}
            onChange={(v) => {
              setAskApproval(v === 'approval');
            }}
            data={[
              { value: 'direct', label: 'Create the rule' },
              { value: 'approval', label: 'Ask for approval (over quota)' },
            ]}
          />
          {errorAt('askApproval') && (
            <Text size="sm" c="red" role="alert">
              {errorAt('askApproval')}
            </Text>
          )}
        </Stack>
        {request.isError && !failedAt && (
          <Notice kind="error" title="Rucio did not create the rule">
            {request.error.message}
          </Notice>
        )}
        {request.data && (
          <Notice
            kind="info"
            title={request.data.state === 'created' ? 'Rule requested' : 'Waiting for approval'}
          >
            {plural(request.data.ruleIds.length, 'rule')}:{' '}
            {request.data.ruleIds.map((id) => (
              <Anchor key={id} component={Link} to={rulePath(id)} mr="xs">
                {id}
              </Anchor>
            ))}
          </Notice>
        )}
        <Group>
          <Button type="submit" loading={request.isPending} disabled={parsed.dids.length === 0}>
            {askApproval ? 'Ask for approval' : 'Request the rule'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
