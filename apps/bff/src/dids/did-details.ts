import type { DidDetails } from '@bdms/contract';
import type { DidInfoDto, DidMetaDto } from '@bdms/rucio-client';
import { isoInstant, liveType } from '../lib/rucio-values.ts';
import { metadataEntries, type DescribeKey } from './metadata.ts';

const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The DID page's header and metadata, from Rucio's DID record and its two metadata plugins. */
export function toDidDetails(
  info: DidInfoDto,
  columns: DidMetaDto,
  json: DidMetaDto,
  describe: DescribeKey,
): DidDetails {
  return {
    scope: info.scope,
    name: info.name,
    type: liveType(info.type),
    account: info.account,
    bytes: info.bytes ?? null,
    length: info.length ?? (info.type === 'FILE' ? 1 : null),
    adler32: info.adler32 ?? null,
    md5: info.md5 ?? null,
    createdAt: isoInstant(columns.created_at),
    updatedAt: isoInstant(columns.updated_at),
    expiresAt: isoInstant(info.expired_at ?? columns.expired_at),
    status: {
      open: info.open ?? bool(columns.is_open),
      monotonic: info.monotonic ?? bool(columns.monotonic),
      availability: text(columns.availability),
      suppressed: bool(columns.suppressed),
      obsolete: bool(columns.obsolete),
      hidden: bool(columns.hidden),
    },
    metadata: metadataEntries(json, columns, describe),
  };
}
