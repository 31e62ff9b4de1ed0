import { getAccount, primeToken, whoami } from './endpoints/accounts.ts';
import { listAssociatedRules } from './endpoints/associated-rules.ts';
import { authUserpass } from './endpoints/auth.ts';
import { listDatasetReplicasBulk } from './endpoints/dataset-replicas-bulk.ts';
import {
  getDid,
  getDidMeta,
  listContents,
  listParents,
  listScopeCollections,
} from './endpoints/dids.ts';
import { bulkMeta, searchDidNames, searchDids } from './endpoints/did-search.ts';
import { listIdentityAccounts } from './endpoints/identities.ts';
import { ping } from './endpoints/ping.ts';
import { listDatasetReplicas, listFileReplicas, listRseDatasets } from './endpoints/replicas.ts';
import { getRule, listDidRules, listRuleLocks, listRules } from './endpoints/rules.ts';
import { getTransferRequest, listTransferRequests } from './endpoints/requests.ts';
import { addRule, resolveRseExpression } from './endpoints/rule-create.ts';
import {
  getAccountAttributes,
  listGlobalUsage,
  listLocalUsage,
} from './endpoints/account-usage.ts';
import {
  getRse,
  getRseAttributes,
  listRseAccountUsage,
  listRses,
  listRseUsage,
} from './endpoints/rses.ts';
import { listDatasetLocks, listDatasetLocksBulk } from './endpoints/locks.ts';
import { listScopes } from './endpoints/scopes.ts';
import {
  deleteGlobalLimit,
  deleteLocalLimit,
  getGlobalLimits,
  getLocalLimits,
  listAccounts,
  setGlobalLimit,
  setLocalLimit,
} from './endpoints/account-limits.ts';
import { createTransport, type RucioClientOptions } from './transport.ts';

/** A Rucio REST client bound to one server. Tokens are passed per call: one client serves every user. */
export function createRucioClient(options: RucioClientOptions) {
  const t = createTransport(options);
  return {
    baseUrl: options.baseUrl,
    ping: ping(t),
    authUserpass: authUserpass(t),
    whoami: whoami(t),
    primeToken: primeToken(t),
    getAccount: getAccount(t),
    listScopes: listScopes(t),
    listContents: listContents(t),
    listParents: listParents(t),
    listScopeCollections: listScopeCollections(t),
    getDid: getDid(t),
    getDidMeta: getDidMeta(t),
    listDidRules: listDidRules(t),
    listAssociatedRules: listAssociatedRules(t),
    listDatasetReplicas: listDatasetReplicas(t),
    listFileReplicas: listFileReplicas(t),
    listDatasetReplicasBulk: listDatasetReplicasBulk(t),
    listIdentityAccounts: listIdentityAccounts(t),
    searchDidNames: searchDidNames(t),
    searchDids: searchDids(t),
    bulkMeta: bulkMeta(t),
    listRses: listRses(t),
    listTransferRequests: listTransferRequests(t),
    getTransferRequest: getTransferRequest(t),
    resolveRseExpression: resolveRseExpression(t),
    addRule: addRule(t),
    listLocalUsage: listLocalUsage(t),
    listGlobalUsage: listGlobalUsage(t),
    getAccountAttributes: getAccountAttributes(t),
    getRse: getRse(t),
    getRseAttributes: getRseAttributes(t),
    listRseUsage: listRseUsage(t),
    listRseAccountUsage: listRseAccountUsage(t),
    listDatasetLocks: listDatasetLocks(t),
    listRseDatasets: listRseDatasets(t),
    listDatasetLocksBulk: listDatasetLocksBulk(t),
    listRules: listRules(t),
    getRule: getRule(t),
    listRuleLocks: listRuleLocks(t),
    listAccounts: listAccounts(t),
    getLocalLimits: getLocalLimits(t),
    getGlobalLimits: getGlobalLimits(t),
    setLocalLimit: setLocalLimit(t),
    deleteLocalLimit: deleteLocalLimit(t),
    setGlobalLimit: setGlobalLimit(t),
    deleteGlobalLimit: deleteGlobalLimit(t),
  };
}

export type RucioClient = ReturnType<typeof createRucioClient>;
