import type { DidContentDto } from '@bdms/rucio-client';

export interface Did {
  scope: string;
  name: string;
}

/** How much one container summary may ask of Rucio. */
export interface ContainerLimits {
  /** Containers listed (the container itself and every sub-container), at most. */
  maxContainers: number;
  /** Datasets summed, at most (10 bulk calls of 1 000). */
  maxDatasets: number;
  /** Up to this many datasets, each is also counted now (one `deep` call per dataset). */
  deepMax: number;
  /** Listings, or calls per dataset, at Rucio at once. */
  parallel: number;
}
export const CONTAINER_LIMITS: ContainerLimits = {
  maxContainers: 500,
  maxDatasets: 10_000,
  deepMax: 50,
  parallel: 3,
};

export const didKey = (d: Did): string => `${d.scope}:${d.name}`;
/** The datasets below a container: `collectDatasets` from that one container. */
export const containerDatasets = (
  root: Did,
  list: (did: Did) => AsyncIterable<DidContentDto>,
  limits: ContainerLimits,
): Promise<{ datasets: Did[]; partial: boolean }> => collectDatasets([root], [], list, limits);

/**
 * The datasets below some containers, with some datasets given outright, breadth first through
 * the sub-containers (one listing per container, a few at once; never one request per dataset or
 * file). A dataset reached twice counts once. Stops at the limits and then says `partial`.
 */
export async function collectDatasets(
  roots: readonly Did[],
  given: readonly Did[],
  list: (did: Did) => AsyncIterable<DidContentDto>,
  limits: ContainerLimits,
): Promise<{ datasets: Did[]; partial: boolean }> {
  const datasets = new Map<string, Did>(given.map((d) => [didKey(d), d]));
  const seen = new Set(roots.map(didKey));
  const queue: Did[] = [...roots];
  let listed = 0;
  let partial = false;
  const full = (): boolean => datasets.size >= limits.maxDatasets;
  const visit = async (container: Did, found: Did[]): Promise<void> => {
    for await (const child of list(container)) {
      const did = { scope: child.scope, name: child.name };
      if (child.type === 'DATASET' && !datasets.has(didKey(did))) {
        if (full()) {
          partial = true;
          return; // leaving the loop closes Rucio's stream
        }
        datasets.set(didKey(did), did);
      } else if (child.type === 'CONTAINER' && !seen.has(didKey(did))) {
        seen.add(didKey(did));
        found.push(did);
      }
    }
  };
  while (queue.length > 0) {
    if (full() || listed >= limits.maxContainers) {
      partial = true;
      break;
    }
    const slice = queue.splice(0, Math.min(limits.parallel, limits.maxContainers - listed));
    listed += slice.length;
    const found: Did[] = [];
    await Promise.all(slice.map((c) => visit(c, found)));
    queue.push(...found);
  }
  return { datasets: [...datasets.values()], partial };
}
