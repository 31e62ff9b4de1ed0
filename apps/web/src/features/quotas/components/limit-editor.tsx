import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { formatBytes } from '@/lib/format.ts';
import { usePreviewBulk, useSaveLimit, type LimitTarget } from '../api/limit-mutations.ts';
import { describeLimit, limitToText, valueOf, type ValueMode } from '../utils/limit-form.ts';

import { LimitValueField } from './limit-value-field.tsx';

export interface EditorStart {
  kind: 'local' | 'global';
  account: string;
  rse?: string;
  expression?: string;
  limit: number | 'unlimited' | null;
}

interface Props {
  start: EditorStart;
  accounts: readonly string[];
  rses: readonly string[];
  onClose: () => void;
}

const modeOf = (limit: EditorStart['limit']): ValueMode =>
  limit === 'unlimited' ? 'unlimited' : 'bytes';

/**
 * Set, change or remove one limit. Review asks the BFF for a dry run (nothing written): before →
 * after, what the account stores there, the RSEs a global expression resolves to, and whether
 * the new limit is below usage (then saving needs an explicit tick). Save sends the change.
 */
export function LimitEditor({ start, accounts, rses, onClose }: Props) {
  const [kind, setKind] = useState(start.kind);
  const [account, setAccount] = useState(start.account);
  const [rse, setRse] = useState(start.rse ?? '');
  const [expression, setExpression] = useState(start.expression ?? '');
  const [mode, setMode] = useState<ValueMode>(modeOf(start.limit));
  const [text, setText] = useState(typeof start.limit === 'number' ? limitToText(start.limit) : '');
  const [belowOk, setBelowOk] = useState(false);
  const preview = usePreviewBulk();
  const save = useSaveLimit();
  const value = valueOf(mode, text);
  const place = kind === 'local' ? rse : expression.trim();
  const target: LimitTarget | null =
    account && place
      ? kind === 'local'
        ? { kind, account, rse: place }
        : { kind, account, expression: place }
      : null;
  const row = preview.data?.rows[0];
  const reviewed = row !== undefined && !preview.isPending;
  const change = () => {
    preview.reset();
    save.reset();
    setBelowOk(false);
  };
  const review = () => {
    if (!target || !value.ok) return;
    preview.mutate({
      requestId: crypto.randomUUID(),
      source: {
        kind: 'rows',
        rows: [
          {
            account,
            ...(kind === 'local' ? { rse: place } : { expression: place }),
            limit: value.value,
          },
        ],
      },
    });
  };
  const done = save.data;
  return (
    <Modal
      opened
      onClose={onClose}
      title="Account limit"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close the limit editor' }}
    >
      <Stack gap="sm">
        <SegmentedControl
          aria-label="Kind of limit"
          value={kind}
          onChange={(v) => {
            setKind(v);
            change();
          }}
          data={[
            { value: 'local', label: 'Local (one RSE)' },
            { value: 'global', label: 'Global (RSE expression)' },
          ]}
        />
        <Select
          label="Account"
          searchable
          allowDeselect={false}
          data={[...accounts]}
          value={account || null}
          onChange={(v) => {
            setAccount(v ?? '');
            change();
          }}
        />
        {kind === 'local' ? (
          <Select
            label="RSE"
            searchable
            allowDeselect={false}
            data={[...rses]}
            value={rse || null}
            onChange={(v) => {
              setRse(v ?? '');
              change();
            }}
          />
        ) : (
          <TextInput
            label="RSE expression"
            description="e.g. OFFSITE, or type=DISK&country=DE; its RSEs are shown before saving"
            value={expression}
            onChange={(e) => {
              setExpression(e.currentTarget.value);
              change();
            }}
          />
        )}
        <LimitValueField
          mode={mode}
          text={text}
          onChange={(m, t) => {
            setMode(m);
            setText(t);
            change();
          }}
        />
        {reviewed && (
          <Alert
            color={row.problems.length ? 'red' : row.belowUsage ? 'orange' : 'blue'}
            title={row.problems.length ? 'This change cannot be made' : 'Review the change'}
            role={row.problems.length ? 'alert' : 'status'}
          >
            <Stack gap={4}>
              {row.problems.map((p) => (
                <Text key={p.field + p.message} size="sm">
                  {p.field}: {p.message}
                </Text>
              ))}
              <Text size="sm" data-testid="limit-before-after">
                {account} on {place}: <strong>{describeLimit(row.before)}</strong> →{' '}
                <strong>{describeLimit(row.after)}</strong>
              </Text>
              {row.usedBytes !== null && (
                <Text size="sm">It stores {formatBytes(row.usedBytes)} there now.</Text>
              )}
              {kind === 'global' && (
                <>
                  <Text size="sm">The expression resolves to {row.resolvedRses.length} RSEs:</Text>
                  <List size="sm" aria-label="RSEs of the expression">
                    {row.resolvedRses.map((r) => (
                      <List.Item key={r}>{r}</List.Item>
                    ))}
                  </List>
                </>
              )}
              {row.action === 'unchanged' && (
                <Text size="sm">The limit already has this value.</Text>
              )}
              {row.belowUsage && (
                <Checkbox
                  mt="xs"
                  label="The new limit is below what the account stores: set it anyway"
                  checked={belowOk}
                  onChange={(e) => {
                    setBelowOk(e.currentTarget.checked);
                  }}
                />
              )}
            </Stack>
          </Alert>
        )}
        {preview.isError && (
          <Alert color="red" role="alert" title="Could not check the change">
            {preview.error.message}
          </Alert>
        )}
        {save.isError && (
          <Alert color="red" role="alert" title="Not saved">
            {save.error.message}
          </Alert>
        )}
        {done && (
          <Alert
            color="teal"
            role="status"
            title={done.result === 'unchanged' ? 'Unchanged' : 'Saved'}
          >
            {done.account} on {done.rse ?? done.expression}: {describeLimit(done.before)} →{' '}
            {describeLimit(done.after)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </Button>
          {!reviewed || done ? (
            !done && (
              <Button onClick={review} loading={preview.isPending} disabled={!target || !value.ok}>
                Review change
              </Button>
            )
          ) : (
            <Button
              color={row.belowUsage ? 'orange' : undefined}
              loading={save.isPending}
              disabled={
                row.problems.length > 0 || (row.belowUsage && !belowOk) || !target || !value.ok
              }
              onClick={() => {
                if (target && value.ok)
                  save.mutate({
                    target,
                    limit: value.value,
                    confirmBelowUsage: row.belowUsage && belowOk,
                  });
              }}
            >
              Save limit
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
