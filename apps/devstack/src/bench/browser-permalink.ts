/**
 * A search as the SPA's permalink (apps/web/src/features/search/utils/url-query.ts): scopes, DID
 * type, name pattern and cone in their own parameters, the conditions as Rucio filter text (`,`
 * AND inside a group, `; ` OR between groups). The devstack does not import the web app, so the
 * few lines of that encoding are repeated here; the browser bench checks that the page ran it.
 */
import { z } from 'zod';

/** The shape of the contract's SearchQuery (packages/contract/src/search/query-schema.ts). */
const BenchSearchQuery = z.object({
  scopes: z.array(z.string()).min(1),
  didType: z.string().optional(),
  name: z.string().optional(),
  cone: z.object({ ra: z.number(), dec: z.number(), radius: z.number() }).optional(),
  groups: z.array(z.array(z.object({ key: z.string(), op: z.string(), value: z.string() }))),
});
export type BenchSearchQuery = z.infer<typeof BenchSearchQuery>;

/** `/search?…` for the query; throws when it is not a SearchQuery. */
export function searchPermalink(query: unknown): string {
  const q = BenchSearchQuery.parse(query);
  const params = new URLSearchParams();
  for (const scope of q.scopes) params.append('scope', scope);
  if (q.didType !== undefined) params.set('type', q.didType);
  if (q.name !== undefined) params.set('name', q.name);
  const filter = q.groups
    .map((group) => group.map((c) => `${c.key}${c.op}${c.value}`).join(','))
    .join('; ');
  if (filter) params.set('filter', filter);
  if (q.cone) params.set('cone', `${q.cone.ra},${q.cone.dec},${q.cone.radius}`);
  return `/search?${params.toString()}`;
}
