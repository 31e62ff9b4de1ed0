/** The replica map of a selection of DIDs (`?did=scope:name` each, at most 100). */
export const selectionMapPath = (dids: readonly { scope: string; name: string }[]): string =>
  `/replicas?${new URLSearchParams(dids.map((d) => ['did', `${d.scope}:${d.name}`])).toString()}`;
