import { Router, type Request } from 'express';
import { api } from '@bdms/contract';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { sendFile } from '../downloads/file-send.ts';
import {
  openFirst,
  singleRange,
  type FileToSend,
  type StorageAuth,
} from '../downloads/replica-open.ts';
import { clientAddress } from '../http/client-address.ts';
import { clientGone } from '../http/ndjson-pipe.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import { respond } from '../respond.ts';
import type { LinksService } from './links.service.ts';
import { linkOwner } from './link-owner.ts';
import { AppError } from '../errors.ts';
import { plural, today } from '../lib/words.ts';
import type { RucioClientSetup } from './rucio-script.ts';
import { collectionScript, manyScript, writeScript } from './script-stream.ts';

export interface LinksRouteDeps {
  links: LinksService;
  withToken: RucioCaller;
  /** One file's record and replicas, with the user's token (the downloads' locate). */
  locate: (
    token: string,
    scope: string,
    name: string,
    clientIp: string | undefined,
    signal: AbortSignal,
  ) => Promise<FileToSend>;
  /** Every file of a DID, streamed (the downloads' files). */
  files: (
    token: string,
    scope: string,
    name: string,
    clientIp: string | undefined,
    signal: AbortSignal,
  ) => AsyncIterable<FileToSend>;
  /** Every file below several DIDs, each once (the downloads' filesOfMany). */
  filesOfMany: (
    token: string,
    dids: readonly { scope: string; name: string }[],
    clientIp: string | undefined,
    signal: AbortSignal,
  ) => AsyncIterable<FileToSend>;
  /** The most DIDs one selection's script may name (SCRIPT_MAX_DIDS). */
  maxScriptDids: number;
  /** The BFF's own storage credential for links (client_credentials), not the user's. */
  serviceAuth: StorageAuth;
  /** The configured issuer, for sessions from before the issuer was kept with the user. */
  issuer: string;
  /** The portal's public origin (named in scripts). */
  publicUrl: string;
  /** The Rucio and token setup the `rucio download` script tells the user about. */
  rucioSetup?: RucioClientSetup | undefined;
}

/** The formats whose files are fetched through signed links. */
const LINKED = new Set(['curl', 'wget', 'metalink']);

/** The user's links (behind the session), and the public route a link is used at. */
export function linksRoutes(d: LinksRouteDeps): Router {
  const router = Router();
  const who = (req: Request) => linkOwner(req, d.issuer);

  router.post(api.createLink.path, validated(api.createLink), async (req, res) => {
    const { owner, actor } = who(req);
    const { scope, name, hours } = inputOf(req, res, api.createLink).body;
    const signal = clientGone(res);
    const file = await d.withToken(req, (token) =>
      d.locate(token, scope, name, clientAddress(req), signal),
    );
    respond(res, api.createLink.response, await d.links.create(owner, actor, file, hours), 201);
  });

  router.get(api.listLinks.path, validated(api.listLinks), async (req, res) => {
    respond(res, api.listLinks.response, await d.links.list(who(req).owner));
  });

  router.delete(api.revokeLink.path, validated(api.revokeLink), async (req, res) => {
    const { owner, actor } = who(req);
    const { id } = inputOf(req, res, api.revokeLink).params;
    respond(res, api.revokeLink.response, await d.links.revoke(owner, actor, id));
  });

  router.get(api.downloadScript.path, validated(api.downloadScript), async (req, res) => {
    const { owner, actor } = who(req);
    const { scope, name } = inputOf(req, res, api.downloadScript).params;
    const { format, hours } = inputOf(req, res, api.downloadScript).query;
    const signal = clientGone(res);
    await d.withToken(req, async (token) => {
      const files = d.files(token, scope, name, clientAddress(req), signal);
      await writeScript(res, collectionScript({ scope, name }), format, files, {
        signal,
        links: LINKED.has(format)
          ? () => d.links.scriptLinks(owner, actor, { scope, name }, hours)
          : undefined,
        portal: d.publicUrl,
        rucio: d.rucioSetup,
        log: req.log,
      });
    });
  });

  router.post(api.selectionScript.path, validated(api.selectionScript), async (req, res) => {
    const { owner, actor } = who(req);
    const { dids } = inputOf(req, res, api.selectionScript).body;
    const { format, hours } = inputOf(req, res, api.selectionScript).query;
    if (dids.length > d.maxScriptDids)
      throw new AppError(
        400,
        'bad_request',
        `Invalid body.dids: ${String(dids.length)} DIDs, more than the ${String(d.maxScriptDids)} a script takes here. Narrow the search, or select fewer DIDs.`,
        { details: { field: 'dids', max: d.maxScriptDids } },
      );
    const signal = clientGone(res);
    const label = `a selection of ${plural(dids.length, 'DID')}`;
    const target = manyScript(label, dids, `selection-${today()}`);
    await d.withToken(req, async (token) => {
      const files = d.filesOfMany(token, dids, clientAddress(req), signal);
      await writeScript(res, target, format, files, {
        signal,
        links: LINKED.has(format)
          ? () => d.links.scriptLinks(owner, actor, { scope: 'selection', name: label }, hours)
          : undefined,
        portal: d.publicUrl,
        rucio: d.rucioSetup,
        log: req.log,
      });
    });
  });

  // Used without a session: the link's signature and row say what may be read.
  router.get(api.useLink.path, validated(api.useLink), async (req, res) => {
    const { token } = inputOf(req, res, api.useLink).params;
    const signal = clientGone(res);
    const { file, recorded } = await d.links.open(token, clientAddress(req));
    // The use is counted while the storage is asked. Counted by the time the storage answers (as
    // a rule): nothing waits for it. Still pending: the bytes start and the last of them wait for
    // it (a GET), or the answer does (a HEAD). A use that could not be counted is not served: an
    // error before the first byte, an aborted transfer after it.
    const counted: { done: boolean; error?: Error } = { done: false };
    const counting = recorded.then(
      () => {
        counted.done = true;
      },
      (error: unknown) => {
        counted.done = true;
        counted.error = error instanceof Error ? error : new Error(String(error));
        throw counted.error;
      },
    );
    counting.catch(() => undefined); // read below, or through sendFile's confirmation
    const opened = await openFirst(file, {
      method: req.method === 'HEAD' ? 'HEAD' : 'GET',
      range: singleRange(req.get('range')),
      auth: d.serviceAuth,
      signal,
    }).catch(async (err: unknown) => {
      await counting; // a use that was not counted says so first
      throw err;
    });
    if (req.method === 'HEAD' && !counted.done) await counting.catch(() => undefined);
    if (counted.error !== undefined) {
      await opened.upstream.body.dump(); // the replica's answer is dropped unread
      throw counted.error;
    }
    await sendFile(res, file, opened, counted.done ? undefined : counting).catch((err: unknown) => {
      if (!signal.aborted)
        req.log.warn({ err, did: `${file.scope}:${file.name}` }, 'link download aborted');
    });
  });
  return router;
}
