import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>BDMS Portal: web UI not built</title></head>
<body><h1>The portal's web UI is not built</h1>
<p>The server is running, but it has no built web UI to serve. Build it with
<code>pnpm --filter @bdms/web build</code> (or set WEB_DIST_DIR to the folder that holds
<code>index.html</code>), then reload this page.</p></body></html>
`;

const API_OR_AUTH = /^\/(?:api|auth)(?:\/|$)/;

/**
 * Serves the built SPA on the BFF's origin. Vite's hashed files under /assets are immutable;
 * index.html is never cached so a deploy is picked up at once. Any other GET that is not /api or
 * /auth gets index.html (client-side routing). No build yet → a clear 503 page, checked per
 * request so a build made after start-up is picked up without a restart.
 */
export function spaRoutes(distDir: string): Router {
  const router = Router();
  const indexHtml = path.join(distDir, 'index.html');

  router.use(
    express.static(distDir, {
      index: false,
      fallthrough: true,
      setHeaders: (res, file) => {
        const immutable = file.startsWith(path.join(distDir, 'assets') + path.sep);
        res.setHeader(
          'Cache-Control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );

  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_OR_AUTH.test(req.path)) {
      next();
      return;
    }
    if (!existsSync(indexHtml)) {
      res.status(503).type('html').set('Cache-Control', 'no-store').send(NOT_BUILT_PAGE);
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(indexHtml);
  });

  return router;
}
