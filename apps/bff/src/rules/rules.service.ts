import {
  RULE_LIST_LIMIT,
  type RuleDetails,
  type RuleList,
  type RuleStateFilter,
  type RuleTransfers,
} from '@bdms/contract';
import { activeAccount } from '../auth/active-account.ts';
import type { SessionUser } from '../auth/session-data.ts';
import { AppError } from '../errors.ts';
import type { ReferenceCache } from '../lib/reference-cache.ts';
import { toRule } from '../lib/rule-view.ts';
import type { RucioPort } from '../rucio-port.ts';
import { locksPerRse } from './rule-locks.ts';
import { pendingLocks, ruleTransfers } from './rule-transfers.ts';

export interface RulesDeps {
  rucio: Pick<
    RucioPort,
    'whoami' | 'listRules' | 'getRule' | 'listRuleLocks' | 'getTransferRequest'
  >;
  cache: ReferenceCache;
  /** Who is an admin is decided in one place (auth/require-admin.ts); the service only asks. */
  isAdmin: (user: SessionUser) => boolean;
}

export interface RulesFilter {
  account?: string;
  state?: RuleStateFilter;
  limit?: number;
}

interface Call {
  token: string;
  signal: AbortSignal;
}

export function createRulesService(deps: RulesDeps) {
  const { rucio } = deps;

  /**
   * Rucio lists any account's rules to any account (its gateway checks no permission), so the
   * portal decides: your own account's rules, or any account's for portal admins.
   */
  async function whose(user: SessionUser, token: string, asked: string | undefined) {
    const { account: own } = await activeAccount(deps, user, token);
    if (asked === undefined || asked === own) return own;
    if (!deps.isAdmin(user))
      throw new AppError(
        403,
        'forbidden',
        `Only portal administrators may list another account's rules; yours are those of "${own}".`,
      );
    return asked;
  }

  return {
    /** An account's rules in Rucio's order, at most `limit` (and whether there were more). */
    async list(user: SessionUser, call: Call, filter: RulesFilter): Promise<RuleList> {
      const account = await whose(user, call.token, filter.account);
      const limit = filter.limit ?? RULE_LIST_LIMIT;
      const rules: RuleList['rules'] = [];
      let truncated = false;
      for await (const r of rucio.listRules({ ...call, account, state: filter.state })) {
        if (rules.length === limit) {
          truncated = true;
          break;
        }
        rules.push(toRule(r));
      }
      return { account, state: filter.state ?? null, rules, truncated };
    },

    /** The rule first (an unknown id is Rucio's 404; its lock listing would just be empty). */
    async details(call: Call, id: string): Promise<RuleDetails> {
      const rule = toRule(await rucio.getRule({ ...call, id }));
      return { rule, ...(await locksPerRse(rucio.listRuleLocks({ ...call, id }))) };
    },

    /**
     * The transfers of the rule's files that are not OK yet. The rule is read first, as for
     * `details`: an unknown id is Rucio's 404, not an empty list.
     */
    async transfers(call: Call, id: string): Promise<RuleTransfers> {
      const rule = await rucio.getRule({ ...call, id });
      const pending = await pendingLocks(rucio.listRuleLocks({ ...call, id }));
      return ruleTransfers(rucio, call, rule.id, pending);
    },
  };
}

export type RulesService = ReturnType<typeof createRulesService>;
