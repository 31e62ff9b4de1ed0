export { createRucioClient, type RucioClient } from './client.ts';
export type { RucioClientOptions, CallOptions, AuthOptions } from './transport.ts';
export { RucioError, RucioPathError, RucioUnavailableError, RucioPayloadError } from './errors.ts';
export { didPath, scopedPath } from './did-path.ts';
export { streamNdjson, parseRucioJson } from './ndjson.ts';
export type { RucioToken, UserpassCredentials } from './endpoints/auth.ts';
export * from './schemas.ts';
export {
  DidInfoDto,
  DidMetaDto,
  DidParentDto,
  DidSearchLongDto,
  type MetaPlugin,
} from './endpoints/dids.ts';
export {
  RuleDto,
  RuleLockDto,
  RuleStateDto,
  RULE_STATE_CODES,
  type ListRulesOptions,
} from './endpoints/rules.ts';
export { DatasetReplicaDto, FileReplicaDto, type Coordinates } from './endpoints/replicas.ts';
export {
  BULK_META_MAX,
  BulkMetaDto,
  DidSearchHitDto,
  type BulkMetaOptions,
  type DidSearchOptions,
  type DidSearchType,
} from './endpoints/did-search.ts';
export { DATASET_REPLICAS_BULK_MAX } from './endpoints/dataset-replicas-bulk.ts';
export {
  RseRecordDto,
  RseInfoDto,
  RseProtocolDto,
  RseUsageDto,
  RseAccountUsageDto,
} from './endpoints/rses.ts';
export { DatasetLockDto, LockStateDto, BULK_LOCKS_MAX } from './endpoints/locks.ts';
export {
  REQUEST_STATE_CODES,
  TransferRequestDto,
  type RequestStateName,
} from './endpoints/requests.ts';
export type { NewRule } from './endpoints/rule-create.ts';
export { LocalUsageDto, GlobalUsageDto } from './endpoints/account-usage.ts';
export {
  AccountListDto,
  GlobalLimitsDto,
  LocalLimitsDto,
  type RucioLimitInput,
} from './endpoints/account-limits.ts';
