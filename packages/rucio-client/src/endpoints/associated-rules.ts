import { didPath } from '../did-path.ts';
import { streamed } from '../stream.ts';
import type { AuthOptions, Transport } from '../transport.ts';
import { RuleDto } from './rules.ts';

/**
 * GET /dids/<scope>/<name>/associated_rules: the rules that hold a replica lock on this file,
 * streamed; whether the rule names the file itself or a dataset or container above it (the rule's
 * own `scope`/`name` say which). Rucio 41 (`core/rule.py` list_associated_rules_for_file) finds
 * them through the file's replica locks, so a rule that has no lock yet (waiting for approval,
 * still being injected) is not listed; each line also carries the `bytes` of the rule's DID.
 * Datasets and containers hold no replica locks and list nothing. Unknown DID → 404.
 */
export const listAssociatedRules =
  (t: Transport) =>
  ({
    scope,
    name,
    ...auth
  }: AuthOptions & { scope: string; name: string }): AsyncIterable<RuleDto> =>
    streamed(t, `${didPath(scope, name)}/associated_rules`, RuleDto, auth);
