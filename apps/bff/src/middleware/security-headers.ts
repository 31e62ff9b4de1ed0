import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { Config } from '../config.ts';

/**
 * Helmet with a CSP for the Vite-built SPA: scripts only from our origin; inline styles allowed
 * because Mantine sets style attributes and injects CSS variables; XHR only to our origin (the
 * SPA talks to the BFF, plus origins from config such as storage hosts for direct downloads);
 * images also from the maps' tile server when MAP_TILE_URL names one; form-action also allows
 * the IdP, which Chrome checks on the redirect chain of a navigation that started with a form.
 * HSTS and upgrade-insecure-requests only when served over https (they would break
 * http://localhost).
 */
export const securityHeaders = (
  config: Pick<Config, 'secureCookies' | 'oidc' | 'csp' | 'mapTiles'>,
): RequestHandler => {
  const tileOrigins = config.mapTiles ? [config.mapTiles.origin] : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: [...new Set(["'self'", 'data:', ...config.csp.imgOrigins, ...tileOrigins])],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...config.csp.connectOrigins],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'", new URL(config.oidc.issuer).origin],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.secureCookies
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
};
