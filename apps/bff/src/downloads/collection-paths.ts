/**
 * Where each file goes when a script or a bundle covers several DIDs (a basket, a search's
 * selection): a file's path is its name below the folder the DIDs share, so a dataset keeps its
 * own folder (as its own bundle names it) and a file keeps its name. CTAO names are paths, so a
 * name is unique within its scope: the scope leads the path when the DIDs span several scopes.
 */
interface Did {
  scope: string;
  name: string;
}

const segments = (name: string): string[] =>
  name.split('/').filter((s) => s && s !== '.' && s !== '..');

/** The folder segments every DID's parent folder starts with. */
function sharedFolder(dids: readonly Did[]): string[] {
  let shared: string[] | undefined;
  for (const d of dids) {
    const parent = segments(d.name).slice(0, -1);
    if (!shared) shared = parent;
    else {
      let i = 0;
      while (i < shared.length && i < parent.length && shared[i] === parent[i]) i += 1;
      shared = shared.slice(0, i);
    }
  }
  return shared ?? [];
}

/** A file's path, relative to where a script runs or a ZIP is unpacked. */
export function collectionPaths(dids: readonly Did[]): (file: Did) => string {
  const shared = sharedFolder(dids);
  const scoped = new Set(dids.map((d) => d.scope)).size > 1;
  return (file) => {
    const parts = segments(file.name);
    const below = shared.every((s, i) => parts[i] === s) && parts.length > shared.length;
    const inside = (below ? parts.slice(shared.length) : parts).join('/') || 'file';
    return scoped ? `${file.scope}/${inside}` : inside;
  };
}
