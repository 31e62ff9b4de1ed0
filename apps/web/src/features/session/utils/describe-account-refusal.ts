import { isApiError } from '@/lib/api-client.ts';

export interface AccountRefusal {
  /** `info` when the portal works as before and only the switch was not possible. */
  kind: 'error' | 'info';
  title: string;
  text: string;
  requestId?: string | undefined;
}

/**
 * Why the portal still acts as `current` after the user asked for `wanted`. The two refusals the
 * BFF reports on purpose get the portal's own words; anything else shows the BFF's message.
 */
export function describeAccountRefusal(
  error: unknown,
  wanted: string,
  current: string,
): AccountRefusal {
  if (isApiError(error) && error.status === 409 && error.code === 'rucio_refused') {
    return {
      kind: 'info',
      title: `Still acting as ${current}`,
      text: `Rucio keeps acting as your default account for sign-ins with an IAM token (Rucio 41 ignores the account asked for), so the portal cannot switch to ${wanted} with this Rucio. A Rucio administrator can make ${wanted} your default account.`,
    };
  }
  if (isApiError(error) && error.status === 403 && error.code === 'forbidden') {
    return {
      kind: 'error',
      title: `${wanted} is not your account`,
      text: `Your identity is not mapped to the Rucio account ${wanted}, so the portal keeps acting as ${current}.`,
    };
  }
  return {
    kind: 'error',
    title: `Could not switch to ${wanted}`,
    text: error instanceof Error ? error.message : 'Something went wrong',
    requestId: isApiError(error) ? error.requestId : undefined,
  };
}
