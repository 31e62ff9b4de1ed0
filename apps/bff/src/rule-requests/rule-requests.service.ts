import type {
  RseSite,
  RseExpressionPreview,
  RuleQuote,
  RuleRequestInput,
  RuleRequestResult,
} from '@bdms/contract';
import { RucioError } from '@bdms/rucio-client';
import { collect, inTurn } from '../lib/async-iter.ts';
import type { RucioPort } from '../rucio-port.ts';
import { ruleQuote, toQuoteDid } from './rule-quote.ts';

export interface RuleRequestsDeps {
  /** Every RSE with its type and place (the sites list, cached). */
  sites: (userSub: string, token: string) => Promise<RseSite[]>;
  rucio: Pick<
    RucioPort,
    | 'resolveRseExpression'
    | 'getDid'
    | 'listLocalUsage'
    | 'listGlobalUsage'
    | 'getAccountAttributes'
    | 'addRule'
  >;
}

type Auth = { token: string; signal?: AbortSignal };

/** Rucio's reason when it cannot resolve an expression (its words are written for the user). */
const unresolvable = (error: unknown): string | undefined =>
  error instanceof RucioError && error.exceptionClass === 'InvalidRSEExpression'
    ? (error.exceptionMessage ?? 'Rucio cannot resolve this expression.')
    : undefined;

export function createRuleRequestsService(deps: RuleRequestsDeps) {
  const { rucio } = deps;

  const resolve = async (auth: Auth, expression: string): Promise<string[]> => {
    return (await collect(rucio.resolveRseExpression({ ...auth, expression })))
      .map((r) => r.rse)
      .sort();
  };

  return {
    async preview(
      userSub: string,
      token: string,
      expression: string,
      signal: AbortSignal,
    ): Promise<RseExpressionPreview> {
      let problem: string | undefined;
      const [names, sites] = await Promise.all([
        resolve({ token, signal }, expression).catch((error: unknown) => {
          problem = unresolvable(error);
          if (problem === undefined) throw error;
          return [];
        }),
        deps.sites(userSub, token),
      ]);
      const at = new Map(sites.map((s) => [s.rse, s]));
      return {
        expression,
        rses: names.map((rse) => ({
          rse,
          type: at.get(rse)?.type ?? 'DISK',
          city: at.get(rse)?.city ?? null,
          country: at.get(rse)?.country ?? null,
        })),
        problem: problem ?? null,
      };
    },

    /** Sizes (Rucio sums a collection's files), the expression's RSEs and the account's limits. */
    async quote(
      token: string,
      account: string,
      input: { dids: { scope: string; name: string }[]; rseExpression: string; copies: number },
      signal: AbortSignal,
    ): Promise<RuleQuote> {
      const auth = { token, signal };
      const [dids, rses, local, global, attributes] = await Promise.all([
        inTurn(input.dids, 6, (d) => rucio.getDid({ ...auth, ...d })),
        resolve(auth, input.rseExpression),
        collect(rucio.listLocalUsage({ ...auth, account })),
        collect(rucio.listGlobalUsage({ ...auth, account })),
        rucio.getAccountAttributes({ ...auth, account }),
      ]);
      const withRses = await Promise.all(
        global.map(async (g) => ({
          ...g,
          rses: await resolve(auth, g.rse_expression).catch(() => []),
        })),
      );
      return ruleQuote({
        account,
        admin: attributes.some(
          (a) => a.key === 'admin' && (a.value === true || a.value === 'True'),
        ),
        dids: dids.map(toQuoteDid),
        rses,
        local,
        global: withRses,
        copies: input.copies,
      });
    },

    /** `how`: what a caller such as staging adds (activity, where the copies come from). */
    async request(
      token: string,
      account: string,
      input: RuleRequestInput,
      signal: AbortSignal,
      how: { activity?: string; sourceReplicaExpression?: string } = {},
    ): Promise<RuleRequestResult> {
      const ruleIds = await rucio.addRule({
        token,
        signal,
        rule: {
          dids: input.dids,
          account,
          copies: input.copies,
          rseExpression: input.rseExpression,
          lifetime: input.lifetimeSeconds,
          comment: input.comment,
          askApproval: input.askApproval,
          ...how,
        },
      });
      return { ruleIds, state: input.askApproval ? 'waiting_approval' : 'created' };
    },
  };
}

export type RuleRequestsService = ReturnType<typeof createRuleRequestsService>;
