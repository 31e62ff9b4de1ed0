import { Router, type Request } from 'express';
import { api } from '@bdms/contract';
import { signedIn } from '../auth/require-session.ts';
import type { RucioCaller } from '../auth/rucio-call.ts';
import { clientAddress } from '../http/client-address.ts';
import { clientGone } from '../http/ndjson-pipe.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import {
  BUNDLE_LIMITS,
  bundleFiles,
  collectionBundle,
  sendBundle,
  type BundleLimits,
} from './bundle.ts';
import type { DownloadsService } from './downloads.service.ts';
import { sendFile } from './file-send.ts';
import { createRecentFiles, recentKey, type RecentFiles } from './recent-files.ts';
import { openFirst, singleRange, type StorageAuth } from './replica-open.ts';

/** How the BFF authenticates to the storage for this request's user. */
export type StorageAuthFor = (req: Request) => StorageAuth;

export function downloadsRoutes(
  downloads: DownloadsService,
  withToken: RucioCaller,
  storageAuthFor: StorageAuthFor,
  limits: BundleLimits = BUNDLE_LIMITS,
  recent: RecentFiles = createRecentFiles(),
): Router {
  const router = Router();
  router.get(api.downloadFile.path, validated(api.downloadFile), async (req, res) => {
    const { scope, name } = inputOf(req, res, api.downloadFile).params;
    const signal = clientGone(res);
    const range = singleRange(req.get('range'));
    const key = recentKey(signedIn(req).user, { scope, name }, clientAddress(req));
    const located = range ? recent.get(key) : undefined;
    const file =
      located ??
      (await withToken(req, (token) =>
        downloads.locate(token, scope, name, clientAddress(req), signal),
      ));
    if (!located) recent.set(key, file);
    const opened = await openFirst(file, {
      method: req.method === 'HEAD' ? 'HEAD' : 'GET',
      range,
      auth: storageAuthFor(req),
      signal,
    });
    // Past this point the headers are out: a failure aborts the response (sendFile), and is logged.
    await sendFile(res, file, opened).catch((err: unknown) => {
      if (!signal.aborted) req.log.warn({ err, did: `${scope}:${name}` }, 'download aborted');
    });
  });
  router.get(api.downloadBundle.path, validated(api.downloadBundle), async (req, res) => {
    const { scope, name } = inputOf(req, res, api.downloadBundle).params;
    const signal = clientGone(res);
    const did = `${scope}:${name}`;
    const files = await withToken(req, (token) =>
      bundleFiles(did, downloads.files(token, scope, name, clientAddress(req), signal), limits),
    );
    await sendBundle(res, collectionBundle(name), files, {
      auth: storageAuthFor(req),
      signal,
    }).catch((err: unknown) => {
      if (!signal.aborted) req.log.warn({ err, did }, 'bundle aborted');
    });
  });
  return router;
}
