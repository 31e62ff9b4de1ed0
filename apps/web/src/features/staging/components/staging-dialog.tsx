import type { ApiResponse } from '@bdms/contract';
import { Button, Checkbox, Group, Modal, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import type { DidRef } from '@/lib/did-url.ts';
import { formatBytes, formatInstant, plural } from '@/lib/format.ts';
import { Notice } from '@/components/notice.tsx';
import { QueryError } from '@/components/query-error.tsx';
import { useRequestStaging, useStagingQuote } from '../api/request-staging.ts';

type Status = ApiResponse<'stagingStatus'>;
type Quote = ApiResponse<'quoteRule'>;

const DAY = 86_400;
/** Lifetimes offered, in days, up to the deployment's maximum (its default is always offered). */
const DAYS = [1, 3, 7, 14, 30, 90];

function lifetimes(l: Status['lifetime']): number[] {
  const offered = DAYS.map((d) => d * DAY).filter((s) => s <= l.maxSeconds);
  return [...new Set([...offered, l.defaultSeconds])].sort((a, b) => a - b);
}

const lifetimeLabel = (s: number) =>
  s % DAY === 0 ? plural(s / DAY, 'day') : plural(Math.round(s / 3600), 'hour');

/** The quota line of the staging RSE: used, limit, after the copy. */
function QuotaLine({ quote }: { quote: Quote }) {
  const row = quote.rses[0];
  if (!row) return null;
  if (!quote.quotaChecked || row.unlimited)
    return (
      <Text size="sm">
        Your account {quote.account} has no quota limit on {row.rse}.
      </Text>
    );
  const limit = row.limitBytes ?? 0;
  const percent = limit > 0 ? Math.min(100, (100 * row.afterBytes) / limit) : 100;
  return (
    <Stack gap={4}>
      <Text size="sm">
        Quota of <strong>{quote.account}</strong> on {row.rse}: {formatBytes(row.usedBytes)} used of{' '}
        {row.limitBytes === null ? 'no limit set (Rucio allows nothing there)' : formatBytes(limit)}
        ; after staging {formatBytes(row.afterBytes)}.
      </Text>
      <Progress
        value={percent}
        color={row.exceeds || !row.fits ? 'red' : 'teal'}
        aria-label={`Quota after staging: ${formatBytes(row.afterBytes)} of ${formatBytes(limit)}`}
      />
    </Stack>
  );
}

/**
 * Request staging: the quota cost on the staging RSE against the user's limit, a lifetime, and
 * over quota the request for approval with a reason. The rule is the user's own.
 */
export function StagingDialog(props: {
  did: DidRef;
  status: Status;
  opened: boolean;
  onClose: () => void;
}) {
  const { did, status, opened, onClose } = props;
  const quote = useStagingQuote(did, opened ? status.stagingRse : null);
  const request = useRequestStaging(did);
  const [seconds, setSeconds] = useState(status.lifetime.defaultSeconds);
  const [approval, setApproval] = useState(false);
  const [comment, setComment] = useState('');
  // The expiry shown is counted from when the dialog opened (render stays pure).
  const [openedAt] = useState(() => Date.now());
  const row = quote.data?.rses[0];
  const over = quote.data !== undefined && (quote.data.overQuota || row?.exceeds === true);
  const needsComment = approval && comment.trim().length === 0;
  const close = () => {
    request.reset();
    onClose();
  };
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const body = {
      lifetimeSeconds: seconds,
      comment: comment.trim() || null,
      askApproval: approval,
    };
    request.mutate(body, { onSuccess: close });
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Request staging"
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} aria-label="Staging request">
        <Stack gap="sm">
          <Text size="sm">
            Copies {plural(status.files, 'file')} ({formatBytes(status.bytes)}) from{' '}
            {status.tapeRses.join(', ')} to the disk RSE <strong>{status.stagingRse}</strong>, with
            a rule of your own Rucio account.
          </Text>
          {quote.isPending && (
            <Text size="sm" role="status">
              Asking Rucio for your quota…
            </Text>
          )}
          {quote.isError && (
            <QueryError
              title="Could not get your quota"
              error={quote.error}
              retrying={quote.isFetching}
              onRetry={() => void quote.refetch()}
            />
          )}
          {quote.data && <QuotaLine quote={quote.data} />}
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontWeight: 500, fontSize: 'var(--mantine-font-size-sm)' }}>
              Keep on disk for
            </legend>
            <Group gap="md" mt={4}>
              {lifetimes(status.lifetime).map((s) => (
                <label key={s} style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
                  <input
                    type="radio"
                    name="staging-lifetime"
                    value={s}
                    checked={seconds === s}
                    onChange={() => {
                      setSeconds(s);
                    }}
                  />{' '}
                  {lifetimeLabel(s)}
                </label>
              ))}
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              Until about {formatInstant(new Date(openedAt + seconds * 1000).toISOString())}; then
              Rucio may delete the disk copy (the tape copy stays).
            </Text>
          </fieldset>
          {over && (
            <Notice kind="info" title="Over your quota">
              Rucio would refuse this rule: your quota on {status.stagingRse} is too small. Ask an
              administrator to approve it, saying why you need the data.
            </Notice>
          )}
          {over && (
            <Checkbox
              label="Ask for approval"
              checked={approval}
              onChange={(e) => {
                setApproval(e.currentTarget.checked);
              }}
            />
          )}
          {approval && (
            <Textarea
              label="Why do you need the data?"
              required
              value={comment}
              rows={3}
              maxLength={1000}
              onChange={(e) => {
                setComment(e.currentTarget.value);
              }}
            />
          )}
          {request.isError && (
            <Text size="sm" c="red" role="alert">
              {request.error.message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={request.isPending}
              disabled={!quote.data || (over && !approval) || needsComment}
            >
              {approval ? 'Ask for approval' : 'Request staging'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
