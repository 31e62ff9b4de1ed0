import { Router, type Request } from 'express';
import { api } from '@bdms/contract';
import { signedIn } from '../auth/require-session.ts';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { bundleFiles, sendBundle, type BundleLimits } from '../downloads/bundle.ts';
import { collectionPaths } from '../downloads/collection-paths.ts';
import type { FileToSend, StorageAuth } from '../downloads/replica-open.ts';
import { AppError } from '../errors.ts';
import { clientAddress } from '../http/client-address.ts';
import { clientGone } from '../http/ndjson-pipe.ts';
import { plural, today } from '../lib/words.ts';
import { linkOwner } from '../links/link-owner.ts';
import type { LinksService } from '../links/links.service.ts';
import type { RucioClientSetup } from '../links/rucio-script.ts';
import { manyScript, writeScript } from '../links/script-stream.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import type { BasketService } from './basket.service.ts';

type Did = { scope: string; name: string };

export interface BasketDownloadsDeps {
  basket: Pick<BasketService, 'dids'>;
  withToken: RucioCaller;
  /** Every file below the DIDs, each once, Rucio asked in bulk (the downloads' filesOfMany). */
  filesOfMany: (
    token: string,
    dids: readonly Did[],
    clientIp: string | undefined,
    signal: AbortSignal,
  ) => AsyncIterable<FileToSend>;
  scriptLinks: LinksService['scriptLinks'];
  storageAuthFor: (req: Request) => StorageAuth;
  limits: BundleLimits;
  publicUrl: string;
  issuer: string;
  /** The Rucio and token setup the `rucio download` script tells the user about. */
  rucioSetup?: RucioClientSetup | undefined;
}

/** The formats whose files are fetched through signed links. */
const LINKED = new Set(['curl', 'wget', 'metalink']);

/**
 * The whole basket as a script, a manifest or a ZIP: the DID-level writers (writeScript,
 * sendBundle) over the basket's files, expanded by Rucio in bulk.
 */
export function basketDownloadsRoutes(d: BasketDownloadsDeps): Router {
  const router = Router();
  const contents = async (req: Request): Promise<Did[]> => {
    const dids = await d.basket.dids(signedIn(req).user);
    if (dids.length === 0)
      throw new AppError(409, 'conflict', 'Your basket is empty: add DIDs to it first.');
    return dids;
  };
  const label = (dids: readonly Did[]) => `your basket (${plural(dids.length, 'DID')})`;

  router.get(api.basketScript.path, validated(api.basketScript), async (req, res) => {
    const { format, hours } = inputOf(req, res, api.basketScript).query;
    const dids = await contents(req);
    const signal = clientGone(res);
    const { owner, actor } = linkOwner(req, d.issuer);
    const target = manyScript(label(dids), dids, `basket-${today()}`);
    await d.withToken(req, async (token) => {
      const files = d.filesOfMany(token, dids, clientAddress(req), signal);
      await writeScript(res, target, format, files, {
        signal,
        links: LINKED.has(format)
          ? () => d.scriptLinks(owner, actor, { scope: 'basket', name: label(dids) }, hours)
          : undefined,
        portal: d.publicUrl,
        rucio: d.rucioSetup,
        log: req.log,
      });
    });
  });

  router.get(api.basketBundle.path, async (req, res) => {
    const dids = await contents(req);
    const signal = clientGone(res);
    const files = await d.withToken(req, (token) =>
      bundleFiles('Your basket', d.filesOfMany(token, dids, clientAddress(req), signal), d.limits),
    );
    const target = { filename: `basket-${today()}.zip`, pathOf: collectionPaths(dids) };
    await sendBundle(res, target, files, { auth: d.storageAuthFor(req), signal }).catch(
      (err: unknown) => {
        if (!signal.aborted) req.log.warn({ err }, 'basket bundle aborted');
      },
    );
  });
  return router;
}
