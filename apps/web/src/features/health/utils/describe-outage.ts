import type { Health } from '@bdms/contract';
import { isApiError } from '@/lib/api-client.ts';
import { HEALTH_POLL_MS } from '../api/get-health.ts';

export interface Outage {
  /** Only when the lines alone would not say what is wrong. */
  title?: string;
  lines: string[];
}

/** "reason." → "reason": the sentence around it supplies its own punctuation. */
const clause = (reason: string | undefined): string => reason?.trim().replace(/[.\s]+$/, '') ?? '';

function componentLine(what: string, reason: string | undefined, resumes: string): string {
  const why = clause(reason);
  return `${what} is unavailable${why ? ` — ${why}` : ''}. ${resumes} automatically when it is back.`;
}

/** What is down right now, in words for the banner; null when everything answers. */
export function describeOutage(health: Health | undefined, error: unknown): Outage | null {
  if (error) {
    const retrying = `Retrying automatically every ${HEALTH_POLL_MS / 1000} seconds.`;
    const line =
      isApiError(error) && !error.isNetwork
        ? `${clause(error.message)}. ${retrying}`
        : `${retrying} Check your network connection if this lasts.`;
    return { title: 'The portal server is unreachable', lines: [line] };
  }
  if (!health) return null;
  const lines: string[] = [];
  if (!health.rucio.ok) {
    lines.push(componentLine('Rucio', health.rucio.reason, 'Browsing will resume'));
  }
  if (!health.idp.ok) {
    lines.push(componentLine('The login service', health.idp.reason, 'Signing in will resume'));
  }
  if (lines.length === 0) return null;
  return { lines };
}
