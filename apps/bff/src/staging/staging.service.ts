import type {
  DidRule,
  ReplicaSummary,
  RuleRequestInput,
  RuleRequestResult,
  StagingRequestInput,
  StagingStatus,
} from '@bdms/contract';
import { AppError } from '../errors.ts';
import type { StagingConfig } from './staging-config.ts';
import { stagingStatus, type RseType } from './staging-status.ts';

type Did = { scope: string; name: string };

/** What staging uses of other capabilities, given by app.ts. */
export interface StagingDeps {
  config: StagingConfig;
  /** The DID's replicas per RSE (the DID page's replica summary). */
  summary: (token: string, did: Did, signal: AbortSignal) => Promise<ReplicaSummary>;
  /** Every RSE's type (the sites list, cached). */
  rseTypes: (userSub: string, token: string) => Promise<ReadonlyMap<string, RseType>>;
  /** The rules on the DID and, for a file, those on its datasets (the DID page's rules). */
  rules: (token: string, did: Did, signal: AbortSignal) => Promise<readonly DidRule[]>;
  /** A rule request, as the rule-request page makes it (with what staging adds). */
  requestRule: (
    token: string,
    account: string,
    input: RuleRequestInput,
    signal: AbortSignal,
    how: { activity?: string; sourceReplicaExpression?: string },
  ) => Promise<RuleRequestResult>;
  now?: () => Date;
}

export function createStagingService(deps: StagingDeps) {
  const { config } = deps;
  const now = deps.now ?? (() => new Date());

  const status = async (
    userSub: string,
    token: string,
    did: Did,
    signal: AbortSignal,
  ): Promise<StagingStatus> => {
    const [summary, types, rules] = await Promise.all([
      deps.summary(token, did, signal),
      deps.rseTypes(userSub, token),
      deps.rules(token, did, signal),
    ]);
    return stagingStatus({ summary, types, rules, config, now: now() });
  };

  return {
    status,

    /**
     * One rule for the account on the staging RSE, copied from the tape RSEs that hold the DID,
     * once its replicas say there is something to stage.
     */
    async request(
      userSub: string,
      token: string,
      account: string,
      did: Did,
      input: StagingRequestInput,
      signal: AbortSignal,
    ): Promise<RuleRequestResult> {
      const max = config.lifetime.maxSeconds;
      if (input.lifetimeSeconds > max)
        throw new AppError(
          400,
          'bad_request',
          `lifetimeSeconds: at most ${String(max / 3600)} hours here (${String(max)} s).`,
          { details: { field: 'lifetimeSeconds' } },
        );
      const now = await status(userSub, token, did, signal);
      if (now.where === 'disk')
        throw new AppError(409, 'conflict', `${did.scope}:${did.name} is on disk already.`);
      if (now.tapeRses.length === 0)
        throw new AppError(
          409,
          'conflict',
          `${did.scope}:${did.name} has no copy on tape to stage from.`,
        );
      return deps.requestRule(
        token,
        account,
        {
          dids: [did],
          rseExpression: config.rse,
          copies: 1,
          lifetimeSeconds: input.lifetimeSeconds,
          comment: input.comment,
          askApproval: input.askApproval,
        },
        signal,
        {
          ...(config.activity ? { activity: config.activity } : {}),
          sourceReplicaExpression: now.tapeRses.join('|'),
        },
      );
    },
  };
}

export type StagingService = ReturnType<typeof createStagingService>;
