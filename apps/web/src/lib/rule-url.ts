/** The portal's URL of a rule's page. */
export const rulePath = (id: string): string => `/rules/${encodeURIComponent(id)}`;

/** The rule request page, starting with these DIDs (`?did=scope:name` each). */
export const ruleRequestPath = (dids: readonly { scope: string; name: string }[]): string =>
  `/rules/new?${new URLSearchParams(dids.map((d) => ['did', `${d.scope}:${d.name}`])).toString()}`;
