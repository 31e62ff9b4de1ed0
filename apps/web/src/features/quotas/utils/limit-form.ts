import { limitToText, parseLimitText } from '@bdms/contract/quotas/limit-text.ts';
import type { LimitValue } from '../api/limit-mutations.ts';

export { limitToText };

/** The value part of the editor: bytes typed with units, unlimited, or removal. */
export type ValueMode = 'bytes' | 'unlimited' | 'remove';

export type ParsedValue = { ok: true; value: LimitValue | null } | { ok: false; problem: string };

/** What the editor would send: bytes parsed from "10 TB" and the like, 'unlimited', or null. */
export function valueOf(mode: ValueMode, text: string): ParsedValue {
  if (mode === 'unlimited') return { ok: true, value: 'unlimited' };
  if (mode === 'remove') return { ok: true, value: null };
  const parsed = parseLimitText(text);
  if (!parsed.ok) return { ok: false, problem: `The limit ${parsed.problem}` };
  if (parsed.value === 'unlimited') return { ok: true, value: 'unlimited' };
  return parsed;
}

/** A limit as Rucio holds it, in words: "10 TB (10 000 000 000 000 bytes)", "unlimited", "none". */
export function describeLimit(limit: number | 'unlimited' | null): string {
  if (limit === null) return 'none';
  if (limit === 'unlimited') return 'unlimited';
  const text = limitToText(limit);
  const exact = `${new Intl.NumberFormat('en-GB').format(limit)} bytes`;
  return text.endsWith(' B') ? exact : `${text} (${exact})`;
}
