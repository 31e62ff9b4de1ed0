import type { Request, Router } from 'express';
import type { Logger } from 'pino';
import type { AuditRepo } from './audit/audit.repo.ts';
import type { RucioCaller } from './auth/rucio-call.ts';
import type { TokenRefresher } from './auth/token-refresher.ts';
import { basketDownloadsRoutes } from './basket/basket-downloads.routes.ts';
import type { BasketRepo } from './basket/basket.repo.ts';
import { basketRoutes } from './basket/basket.routes.ts';
import { createBasketService } from './basket/basket.service.ts';
import type { Config } from './config.ts';
import { collectDatasets, CONTAINER_LIMITS } from './dids/container-walk.ts';
import type { StorageAuth } from './downloads/replica-open.ts';
import { downloadsRoutes } from './downloads/downloads.routes.ts';
import { createDownloadsService } from './downloads/downloads.service.ts';
import type { LinkRepo } from './links/links.repo.ts';
import { linksRoutes } from './links/links.routes.ts';
import { createLinksService } from './links/links.service.ts';
import { rucioClientSetup } from './links/rucio-script.ts';
import type { RseType } from './basket/basket-figures.ts';
import type { RucioPort } from './rucio-port.ts';
import { storageTokensFor, type StorageTokens } from './storage/storage-tokens.ts';

export interface GetDataDeps {
  config: Config;
  logger: Logger;
  rucio: RucioPort;
  withToken: RucioCaller;
  refresher: TokenRefresher;
  /** Storage tokens (unset: from the config, the IdP and `refresher`). */
  storageTokens: StorageTokens | undefined;
  audit: AuditRepo;
  links: LinkRepo;
  basket: BasketRepo;
  /** Each RSE's kind (disk, tape) as the user's account sees the RSE list. */
  rseTypes: (sub: string, token: string) => Promise<ReadonlyMap<string, RseType>>;
}

/**
 * The get-data routes (issue 8), composed here so app.ts stays a readable table of contents:
 * single downloads and bundles, signed links and scripts, and the basket with its downloads. The
 * storage is read with the user's own token, or with the links client's for a signed link.
 */
export function getDataRoutes(deps: GetDataDeps): Router[] {
  const { config, logger, rucio, withToken } = deps;
  const storageTokens = deps.storageTokens ?? storageTokensFor(config, deps.refresher, logger);
  const bearer = (token: string) => `Bearer ${token}`;
  const userStorageAuth =
    (req: Request): StorageAuth =>
    () =>
      storageTokens.forUser(req).then(bearer);
  const serviceStorageAuth: StorageAuth = () => storageTokens.forService().then(bearer);
  const downloads = createDownloadsService({ rucio });
  const rucioSetup = rucioClientSetup(config);
  const links = createLinksService({
    repo: deps.links,
    audit: deps.audit,
    logger,
    settings: config.downloads.links,
    publicUrl: config.publicUrl,
  });
  const basket = createBasketService({
    repo: deps.basket,
    audit: deps.audit,
    logger,
    issuer: config.oidc.issuer,
    walk: (roots, given, list, limits) =>
      collectDatasets(roots, given, list, { ...CONTAINER_LIMITS, ...limits }),
    limits: CONTAINER_LIMITS,
  });
  return [
    downloadsRoutes(downloads, withToken, userStorageAuth, config.downloads.bundle),
    linksRoutes({
      links,
      withToken,
      locate: downloads.locate,
      files: (...args) => downloads.files(...args),
      filesOfMany: (...args) => downloads.filesOfMany(...args),
      maxScriptDids: config.downloads.scripts.maxDids,
      publicUrl: config.publicUrl,
      serviceAuth: serviceStorageAuth,
      issuer: config.oidc.issuer,
      rucioSetup,
    }),
    basketDownloadsRoutes({
      basket,
      withToken,
      filesOfMany: (...args) => downloads.filesOfMany(...args),
      scriptLinks: (...args) => links.scriptLinks(...args),
      storageAuthFor: userStorageAuth,
      limits: config.downloads.bundle,
      publicUrl: config.publicUrl,
      issuer: config.oidc.issuer,
      rucioSetup,
    }),
    basketRoutes(basket, withToken, { rucio, rseTypes: deps.rseTypes }),
  ];
}
