import type { DownloadLink, DownloadLinkList } from '@bdms/contract';
import { fileName } from '../lib/file-name.ts';
import { AppError } from '../errors.ts';
import type { Logger } from 'pino';
import { linkKey, signLink, verifyLink } from './link-token.ts';
import type { LinkedFile, LinkRecord, LinkRepo, Owner } from './links.repo.ts';

/** A file to serve: the DID and what LinkedFile keeps of it (the downloads' FileToSend). */
export type LinkFile = { scope: string; name: string } & LinkedFile;

type LinkAction = 'link_create' | 'link_revoke' | 'link_use';
export interface LinkAuditEntry {
  actor: { sub: string; username?: string | undefined; account?: string | undefined };
  action: LinkAction;
  target: string;
  result: 'ok' | 'refused';
  details: Record<string, string>;
}

export interface LinksDeps {
  repo: LinkRepo;
  /** The audit trail (app.ts passes the AuditRepo; a service never imports another capability). */
  audit: { record(entry: LinkAuditEntry): Promise<unknown> };
  logger: Logger;
  settings: { signingKey: string; defaultHours: number; maxHours: number };
  /** The portal's public origin: links are absolute URLs. */
  publicUrl: string;
}

const LIST_MAX = 500;

const stateOf = (r: LinkRecord, now: Date): DownloadLink['state'] =>
  r.revokedAt ? 'revoked' : r.expiresAt <= now ? 'expired' : 'active';

/**
 * Signed download links: made for a file the user can see (its record and replicas as Rucio
 * lists them now are kept with the link), listed and revoked by their owner, and checked on use:
 * signature, then the row (revoked, expired). Every change and every use goes to the audit trail.
 */
export function createLinksService(deps: LinksDeps) {
  const key = linkKey(deps.settings.signingKey);
  const audit = (
    actor: LinkAuditEntry['actor'],
    action: 'link_create' | 'link_revoke' | 'link_use',
    r: LinkRecord,
    result: 'ok' | 'refused',
    details?: Record<string, string>,
  ) =>
    deps.audit
      .record({
        actor,
        action,
        target: `${r.scope}:${r.name}`,
        result,
        details: { link: r.id, ...details },
      })
      .catch((err: unknown) => {
        deps.logger.error({ err, link: r.id }, 'the audit trail did not take a link event');
      });
  const toLink = async (r: LinkRecord, now = new Date()): Promise<DownloadLink> => {
    const token = await signLink(key, {
      id: r.id,
      scope: r.scope,
      name: r.name,
      sub: r.owner.sub,
      expiresAt: r.expiresAt,
    });
    return {
      id: r.id,
      scope: r.scope,
      name: r.name,
      url: `${deps.publicUrl}/links/${token}/${encodeURIComponent(fileName(r.name))}`,
      bytes: r.file.bytes,
      adler32: r.file.adler32,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      revokedAt: r.revokedAt?.toISOString() ?? null,
      state: stateOf(r, now),
      uses: r.uses,
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    };
  };
  const checkedHours = (hours: number | undefined): number => {
    const h = hours ?? deps.settings.defaultHours;
    if (h > deps.settings.maxHours)
      throw new AppError(
        400,
        'bad_request',
        `hours: at most ${String(deps.settings.maxHours)} here.`,
        {
          details: { field: 'hours' },
        },
      );
    return h;
  };
  return {
    async create(
      owner: Owner,
      actor: LinkAuditEntry['actor'],
      file: LinkFile,
      hours: number | undefined,
    ): Promise<DownloadLink> {
      const h = checkedHours(hours);
      const expiresAt = new Date(Date.now() + h * 3_600_000);
      const { bytes, adler32, md5, sources } = file;
      const record = await deps.repo.create(
        owner,
        file,
        { bytes, adler32, md5, sources },
        expiresAt,
      );
      await audit(actor, 'link_create', record, 'ok', { expiresAt: expiresAt.toISOString() });
      return toLink(record);
    },

    /**
     * One link for a script over a collection: one row (revoked, it stops every URL of the
     * script), and per file a URL whose signed token also names that file and its replicas.
     */
    async scriptLinks(
      owner: Owner,
      actor: LinkAuditEntry['actor'],
      collection: { scope: string; name: string },
      hours: number | undefined,
    ): Promise<{ link: DownloadLink; urlFor: (file: LinkFile) => Promise<string> }> {
      const h = checkedHours(hours);
      const expiresAt = new Date(Date.now() + h * 3_600_000);
      const none = { bytes: null, adler32: null, md5: null, sources: [] };
      const record = await deps.repo.create(owner, collection, none, expiresAt);
      await audit(actor, 'link_create', record, 'ok', {
        expiresAt: expiresAt.toISOString(),
        kind: 'script',
      });
      const base = { id: record.id, ...collection, sub: owner.sub, expiresAt };
      const urlFor = async (file: LinkFile) => {
        const { scope, name, bytes, adler32, md5, sources } = file;
        const token = await signLink(key, {
          ...base,
          file: { scope, name, bytes, adler32, md5, sources },
        });
        return `${deps.publicUrl}/links/${token}/${encodeURIComponent(fileName(name))}`;
      };
      return { link: await toLink(record), urlFor };
    },

    async list(owner: Owner): Promise<DownloadLinkList> {
      const now = new Date();
      const records = await deps.repo.list(owner, LIST_MAX);
      return {
        links: await Promise.all(records.map((r) => toLink(r, now))),
        maxHours: deps.settings.maxHours,
      };
    },

    async revoke(owner: Owner, actor: LinkAuditEntry['actor'], id: string): Promise<DownloadLink> {
      const record = await deps.repo.revoke(owner, id);
      if (!record) throw new AppError(404, 'not_found', `You have no link ${id}.`);
      await audit(actor, 'link_revoke', record, 'ok');
      return toLink(record);
    },

    /**
     * The file a link serves, or why not: 403 for a token that is not ours (any byte changed),
     * 410 for an expired or revoked link. Refusals of a real link are audited, as uses are; a use
     * is counted and audited in `recorded`, which the caller awaits with its storage request.
     */
    async open(
      token: string,
      from: string | undefined,
    ): Promise<{ file: LinkFile; record: LinkRecord; recorded: Promise<void> }> {
      const check = await verifyLink(key, token);
      if (!check.ok && check.reason === 'invalid')
        throw new AppError(
          403,
          'forbidden',
          'This is not a valid download link: it was changed or cut short.',
        );
      const record = check.ok ? await deps.repo.get(check.claims.id) : undefined;
      if (
        check.ok &&
        (!record || record.scope !== check.claims.scope || record.name !== check.claims.name)
      )
        throw new AppError(403, 'forbidden', 'This is not a valid download link.');
      const actor = (r: LinkRecord) => ({ sub: r.owner.sub, username: r.owner.username });
      const details = { by: 'link', ...(from ? { from } : {}) };
      if (!check.ok || !record)
        throw new AppError(
          410,
          'gone',
          'This download link has expired: ask its owner for a new one.',
        );
      if (record.revokedAt) {
        await audit(actor(record), 'link_use', record, 'refused', {
          ...details,
          reason: 'revoked',
        });
        throw new AppError(410, 'gone', 'This download link was revoked by its owner.');
      }
      if (record.expiresAt <= new Date()) {
        await audit(actor(record), 'link_use', record, 'refused', {
          ...details,
          reason: 'expired',
        });
        throw new AppError(
          410,
          'gone',
          'This download link has expired: ask its owner for a new one.',
        );
      }
      // A script's row covers its files only through their own URLs (each signs its file).
      if (!check.claims.file && record.file.sources.length === 0 && record.file.bytes === null) {
        await audit(actor(record), 'link_use', record, 'refused', { ...details, reason: 'script' });
        throw new AppError(
          403,
          'forbidden',
          "This link belongs to a script: use the script's links, one per file.",
        );
      }
      const { scope, name } = record;
      const file = check.claims.file ?? { scope, name, ...record.file };
      // Counted and audited while the caller opens the storage (awaited with it, not before it).
      const recorded = Promise.all([
        deps.repo.used(record.id),
        audit(actor(record), 'link_use', record, 'ok', details),
      ]).then(() => undefined);
      return { record, file, recorded };
    },
  };
}

export type LinksService = ReturnType<typeof createLinksService>;
