import type { RucioClient } from '@bdms/rucio-client';

/** The part of the Rucio client the BFF uses; tests may stub exactly this. */
export type RucioPort = Pick<
  RucioClient,
  | 'ping'
  | 'whoami'
  | 'listScopes'
  | 'listContents'
  | 'listIdentityAccounts'
  | 'listParents'
  | 'listScopeCollections'
  | 'getDid'
  | 'getDidMeta'
  | 'listDidRules'
  | 'listAssociatedRules'
  | 'listDatasetReplicas'
  | 'listFileReplicas'
  | 'listDatasetReplicasBulk'
  | 'searchDidNames'
  | 'bulkMeta'
  | 'listRses'
  | 'listTransferRequests'
  | 'getRse'
  | 'getRseAttributes'
  | 'listRseUsage'
  | 'listRseAccountUsage'
  | 'listRseDatasets'
  | 'listDatasetLocks'
  | 'listDatasetLocksBulk'
  | 'listRules'
  | 'getRule'
  | 'listRuleLocks'
>;
