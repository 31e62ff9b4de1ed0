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
import { openDownload } from './download-plan.ts';
import { createRecentFiles, recentKey, type RecentFiles } from './recent-files.ts';
import { openFirst, singleRange, type FileToSend, type StorageAuth } from './replica-open.ts';

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
    const locate = () =>
      withToken(req, (token) => downloads.locate(token, scope, name, clientAddress(req), signal));
    const open = (file: FileToSend) =>
      openFirst(file, {
        method: req.method === 'HEAD' ? 'HEAD' : 'GET',
        range,
        auth: storageAuthFor(req),
        signal,
      });
    // HEAD always asks Rucio: it is how a client checks a file before fetching it.
    const { file, opened, confirmed } = await openDownload({
      kept: req.method === 'HEAD' ? undefined : recent.get(key),
      range,
      locate,
      open,
      remember: (f) => {
        recent.set(key, f);
      },
      forget: () => {
        recent.delete(key);
      },
      signal,
    });
    // Past this point the headers are out: a failure aborts the response (sendFile), and is logged.
    await sendFile(res, file, opened, confirmed).catch((err: unknown) => {
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
