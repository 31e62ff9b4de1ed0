import { Router, type Request } from 'express';
import { api, EXPORT_MEDIA_TYPES, type ExportFormat, type SearchQuery } from '@bdms/contract';
import type { RucioCaller } from '../auth/rucio-call.ts';
import type { Config } from '../config.ts';
import { clientGone, pipeNdjson } from '../http/ndjson-pipe.ts';
import { peeked } from '../lib/async-iter.ts';
import { toAppError } from '../middleware/error-handler.ts';
import { inputOf, validated } from '../middleware/validate.ts';
import { respond } from '../respond.ts';
import { AppError } from '../errors.ts';
import { exportColumns } from './export/columns.ts';
import { csvWriter } from './export/csv.ts';
import type { ExportFormatWriter } from './export/export-writer.ts';
import { writeExport } from './export/export-writer.ts';
import { ndjsonWriter } from './export/ndjson.ts';
import { votableWriter } from './export/votable.ts';
import { metaColumns } from './rows.ts';
import { parseSearchQuery } from './search-query.ts';
import type { SearchService } from './search.service.ts';
import type { ValuesService } from './values.service.ts';

const isTrue = (flag: string | undefined): boolean => flag === 'true' || flag === '1';

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', ndjson: 'ndjson', votable: 'vot' };

function formatWriter(format: ExportFormat, query: SearchQuery): ExportFormatWriter {
  const columns = exportColumns(metaColumns(query));
  if (format === 'csv') return csvWriter(columns);
  if (format === 'ndjson') return ndjsonWriter();
  return votableWriter(
    columns,
    `BDMS portal search, ${new Date().toISOString()}: ${JSON.stringify(query)}`,
  );
}

/** `bdms-search-20251120T213000Z.csv` */
const filename = (format: ExportFormat): string =>
  `bdms-search-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}.${EXTENSIONS[format]}`;

export function searchRoutes(
  search: SearchService,
  withToken: RucioCaller,
  config: Pick<Config, 'oidc' | 'search'>,
  values: ValuesService,
): Router {
  const router = Router();
  const failure = (req: Request, error: unknown) => {
    const e = toAppError(error, req, config);
    return { code: e.code, message: e.message };
  };

  router.get(api.search.path, validated(api.search), async (req, res) => {
    const input = inputOf(req, res, api.search).query;
    const query = parseSearchQuery(input.q);
    const namesOnly = isTrue(input.names);
    if (namesOnly && query.cone)
      throw new AppError(
        400,
        'bad_request',
        'Invalid query: a cone needs the metadata: leave names off.',
        {
          details: {
            problems: [
              {
                field: 'names',
                path: ['names'],
                problem: 'cone_needs_metadata',
                message: 'a cone search cannot be names only',
              },
            ],
          },
        },
      );
    const cap = Math.min(config.search.rowCap, input.limit ? Number(input.limit) : Infinity);
    let stats: { sent: number; matched: number; capped: boolean } | undefined;
    await pipeNdjson(req, res, {
      open: (signal) =>
        withToken(req, (token) => {
          const run = search.open(token, query, { signal, cap, namesOnly, progress: true });
          stats = run.stats;
          return peeked(run.items);
        }),
      transform: (line) => line,
      // A progress line ends each enriched batch: its rows leave now, not with the next batch.
      flushAfter: (line) => 'progress' in line,
      end: () => ({
        end: {
          count: stats?.sent ?? 0,
          matched: stats?.matched ?? 0,
          ...(stats?.capped ? { capped: true as const, cap } : {}),
        },
      }),
      describeError: (error) => {
        const e = failure(req, error);
        const sent = stats?.sent ?? 0;
        return {
          error: {
            ...e,
            message: `${e.message} The result is incomplete (${sent} rows).`,
            details: { count: sent },
          },
        };
      },
    });
  });

  router.get(api.searchExport.path, validated(api.searchExport), async (req, res) => {
    const { q, format } = inputOf(req, res, api.searchExport).query;
    const query = parseSearchQuery(q);
    await writeExport(req, res, {
      mediaType: EXPORT_MEDIA_TYPES[format],
      filename: filename(format),
      writer: formatWriter(format, query),
      open: (signal) =>
        withToken(req, async (token) => {
          const rows = await peeked(search.rows(token, query, signal));
          return rows[Symbol.asyncIterator]();
        }),
      describeError: (error, count) => {
        const e = failure(req, error);
        return { code: e.code, message: `${e.message} The export is incomplete (${count} rows).` };
      },
    });
  });
  // Shared by every user and cached (values.service.ts); Rucio is left when the last asker goes.
  router.get(api.searchValues.path, validated(api.searchValues), async (req, res) => {
    const { scope, key } = inputOf(req, res, api.searchValues).query;
    const signal = clientGone(res);
    const listed = await withToken(req, (token) => values.list(token, scope, key, signal));
    respond(res, api.searchValues.response, listed);
  });
  return router;
}
