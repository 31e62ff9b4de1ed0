import { QUOTA_AUDIT_PAGE, type QuotaAuditFilterQuery, type QuotaAuditPage } from '@bdms/contract';
import { AppError } from '../errors.ts';
import type { QuotaAuditRepo } from './quota-audit.repo.ts';

export interface AuditPageQuery extends QuotaAuditFilterQuery {
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** Reading the limit-change audit trail: filters, keyset pages (the cursor is a row id). */
export function createQuotaAuditService(repo: QuotaAuditRepo) {
  return {
    async page(query: AuditPageQuery): Promise<QuotaAuditPage> {
      if (query.cursor !== undefined && !/^[1-9][0-9]{0,18}$/.test(query.cursor))
        throw new AppError(
          400,
          'bad_request',
          'Invalid query.cursor: is not a cursor from a previous page.',
          {
            details: { field: 'cursor' },
          },
        );
      const from = query.from === undefined ? undefined : new Date(query.from);
      const to = query.to === undefined ? undefined : new Date(query.to);
      return repo.list(
        {
          account: query.account,
          rse: query.rse,
          actor: query.actor,
          result: query.result,
          from,
          to,
        },
        { limit: query.limit ?? QUOTA_AUDIT_PAGE, cursor: query.cursor },
      );
    },
  };
}

export type QuotaAuditService = ReturnType<typeof createQuotaAuditService>;
