/**
 * Auto-consent: the dev IdP grants whatever the (trusted, pre-registered) client asked for —
 * OIDC scopes, claims and the resource/audience scopes — like IAM does for an approved client.
 */
import { z } from 'zod';
import type Provider from 'oidc-provider';
import type { Interaction } from 'oidc-provider';

const ConsentDetails = z.object({
  missingOIDCScope: z.array(z.string()).optional(),
  missingOIDCClaims: z.array(z.string()).optional(),
  missingResourceScopes: z.record(z.string(), z.array(z.string())).optional(),
});

/** Creates or extends the grant for this interaction and returns its id. */
export async function grantEverythingRequested(
  provider: Provider,
  interaction: Interaction,
): Promise<string> {
  const accountId = interaction.session?.accountId;
  const clientId = interaction.params.client_id;
  if (!accountId || typeof clientId !== 'string')
    throw new Error('consent without a signed-in user or client');

  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const details = ConsentDetails.parse(interaction.prompt.details);

  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  return grant.save();
}
