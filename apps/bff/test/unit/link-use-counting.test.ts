import { createServer, get, type Server } from 'node:http';
import { api } from '@bdms/contract';
import { adler32Hex } from '@bdms/dev-fixtures';
import express from 'express';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linksRoutes, type LinksRouteDeps } from '../../src/links/links.routes.ts';
import type { LinksService } from '../../src/links/links.service.ts';
import { errorHandler } from '../../src/middleware/error-handler.ts';
import { testConfig } from './helpers.ts';
import { listenLocal } from './listen-local.ts';

/**
 * A signed link's use is counted (a database write) while the storage is asked: the bytes do not
 * wait for it, the last of them do, and a use that could not be counted is never served whole.
 */
const data = Buffer.alloc(4 * 1024 * 1024, 7);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let storage: Server;
let portal: Server;
let base = '';
/** How the next use is counted: resolved or rejected after `ms`. */
let counting: { ms: number; fails: boolean } = { ms: 0, fails: false };
/** How long the storage takes to answer. */
let storageMs = 0;

beforeAll(async () => {
  storage = createServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-length': String(data.length) }).end(data);
    }, storageMs);
  });
  const url = `${await listenLocal(storage)}/f`;
  const file = {
    scope: 'acada',
    name: '/ctao/f.fits.fz',
    bytes: data.length,
    adler32: adler32Hex(data),
    md5: null,
    sources: [{ url, rse: 'CTAO-N-ONSITE', tape: false }],
  };
  const links = {
    open: () => {
      const { ms, fails } = counting;
      const recorded = sleep(ms).then(() => {
        if (fails) throw new Error('the database is gone');
      });
      return Promise.resolve({ file, record: {}, recorded });
    },
  } as unknown as LinksService;
  const unused = () => {
    throw new Error('not in this test');
  };
  const deps = {
    links,
    withToken: unused,
    locate: unused,
    files: unused,
    filesOfMany: unused,
    maxScriptDids: 1,
    serviceAuth: () => Promise.resolve(undefined),
    issuer: 'http://idp.test/',
    publicUrl: 'http://portal.test',
  } as unknown as LinksRouteDeps;
  const app = express();
  app.use(pinoHttp({ logger: pino({ level: 'silent' }) }));
  app.use(linksRoutes(deps));
  app.use(errorHandler(testConfig()));
  portal = createServer(app);
  base = await listenLocal(portal);
});
afterAll(() => {
  storage.close();
  portal.close();
});

const linkUrl = () =>
  base + api.useLink.path.replace(':token', 'a.b.c').replace(':filename', 'f.fits.fz');

/** A GET of the link: status, bytes received, first-byte time, and whether it ended whole. */
function use(): Promise<{ status: number; bytes: number; firstMs: number; whole: boolean }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let bytes = 0;
    let firstMs = -1;
    get(linkUrl(), (res) => {
      res.on('data', (c: Buffer) => {
        if (firstMs < 0) firstMs = performance.now() - t0;
        bytes += c.length;
      });
      const done = (whole: boolean) => {
        resolve({ status: res.statusCode ?? 0, bytes, firstMs, whole });
      };
      res.on('end', () => {
        done(res.complete);
      });
      res.on('error', () => {
        done(false);
      });
      res.on('aborted', () => {
        done(false);
      });
    });
  });
}

describe('a signed link used while its use is being counted', () => {
  it('when counting takes longer than the storage, then the bytes start at once and all arrive once it is done', async () => {
    counting = { ms: 300, fails: false };
    storageMs = 0;
    const t0 = performance.now();
    const r = await use();
    expect(r).toMatchObject({ status: 200, bytes: data.length, whole: true });
    expect(r.firstMs).toBeLessThan(250);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('when counting fails after the bytes started, then the transfer is aborted short of the end', async () => {
    counting = { ms: 200, fails: true };
    storageMs = 0;
    const r = await use();
    expect(r.status).toBe(200);
    expect(r.whole).toBe(false);
    expect(r.bytes).toBeLessThan(data.length);
  });

  it('when counting fails before the storage answers, then no byte is sent: an error instead', async () => {
    counting = { ms: 0, fails: true };
    storageMs = 150;
    const r = await use();
    expect(r.status).toBeGreaterThanOrEqual(500);
    expect(r.bytes).toBeLessThan(1000);
  });
});
