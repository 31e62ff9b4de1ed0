/**
 * Pure: the command line of `python -m seed` for resolved options. The root password goes in the
 * child's environment (SEED_RUCIO_PASSWORD), not here: command lines end up in the part's log.
 */

export type SeedSize = 'small' | 'bench';

export interface SeedCommand {
  rucioUrl: string;
  username: string;
  storageUrl: string;
  storageRoot: string;
  /** The storage's HTTPS port: each RSE gets a read-only `https` protocol there. */
  storageTlsPort?: number;
  /** RSE → the address its protocol names (the storage server listens there too). */
  rseHosts?: Readonly<Record<string, string>>;
  size: SeedSize;
  /** Files in the one big night; overrides `size`. */
  files?: number;
  seed?: number;
  force?: boolean;
  /** The server's rucio.cfg: lets the seed run judge-evaluator and abacus once. */
  rucioConfig?: string;
  logDir?: string;
  summaryFile: string;
  /** How many files' PFNs to GET and check against Rucio's checksums (0 = none). */
  verify?: number;
}

export function seedArgs(c: SeedCommand): string[] {
  const args = ['-m', 'seed', '--rucio-url', c.rucioUrl, '--username', c.username];
  args.push('--storage-url', c.storageUrl, '--storage-root', c.storageRoot, '--size', c.size);
  args.push('--summary', c.summaryFile);
  if (c.rseHosts) args.push('--rse-hosts', JSON.stringify(c.rseHosts));
  if (c.storageTlsPort !== undefined) args.push('--storage-tls-port', String(c.storageTlsPort));
  if (c.files !== undefined) args.push('--files', String(c.files));
  if (c.seed !== undefined) args.push('--seed', String(c.seed));
  if (c.force) args.push('--force');
  if (c.rucioConfig) args.push('--rucio-config', c.rucioConfig);
  if (c.logDir) args.push('--log-dir', c.logDir);
  if (c.verify) args.push('--verify', String(c.verify));
  return args;
}
