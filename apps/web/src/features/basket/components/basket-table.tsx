import { Anchor, Table, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { BasketItem } from '@/lib/api-contract-basket.ts';
import { didPath, didString } from '@/lib/did-url.ts';
import { formatBytes, formatCount } from '@/lib/format.ts';
import { TYPE_WORD } from '../utils/basket-words.ts';
import classes from './basket.module.css';
import { WhereBadge } from './where-badge.tsx';

interface BasketTableProps {
  items: readonly BasketItem[];
  selected: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onToggleAll: () => void;
}

const TABLE_NOTE = 'From Rucio’s dataset-replica table (it lags)';

/** A native checkbox (see basket.module.css), "mixed" when some rows are selected. */
function SelectAll(props: { checked: boolean; indeterminate: boolean; onChange: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = props.indeterminate;
  }, [props.indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={classes.check}
      aria-label="Select all"
      checked={props.checked}
      onChange={props.onChange}
    />
  );
}

/** The basket's DIDs, newest first: each can be selected, and links to its page. */
export function BasketTable({ items, selected, onToggle, onToggleAll }: BasketTableProps) {
  const all = items.length > 0 && items.every((i) => selected.has(didString(i)));
  const some = !all && items.some((i) => selected.has(didString(i)));
  return (
    <div className={classes.scroll}>
      <Table aria-label="DIDs in the basket" verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <SelectAll checked={all} indeterminate={some} onChange={onToggleAll} />
            </Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th ta="right">Files</Table.Th>
            <Table.Th ta="right">Size</Table.Th>
            <Table.Th>Where</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const key = didString(item);
            return (
              <Table.Tr key={key}>
                <Table.Td>
                  <input
                    type="checkbox"
                    className={classes.check}
                    aria-label={`Select ${key}`}
                    checked={selected.has(key)}
                    onChange={() => {
                      onToggle(key);
                    }}
                  />
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Anchor component={Link} to={didPath(item)} ff="monospace" size="sm">
                    {key}
                  </Anchor>
                </Table.Td>
                <Table.Td>{TYPE_WORD[item.type]}</Table.Td>
                <Table.Td
                  ta="right"
                  title={item.sizeSource === 'dataset_replicas' ? TABLE_NOTE : undefined}
                >
                  {formatCount(item.files)}
                </Table.Td>
                <Table.Td
                  ta="right"
                  title={item.bytes === null ? undefined : `${item.bytes} bytes`}
                >
                  {formatBytes(item.bytes)}
                </Table.Td>
                <Table.Td>
                  <WhereBadge where={item.where} />
                  {item.where === 'tape-only' && item.bytesTapeOnly !== null && (
                    <Text size="xs" c="dimmed">
                      {formatBytes(item.bytesTapeOnly)} on tape only
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
