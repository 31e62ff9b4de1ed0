import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../openapi.ts';
import { api } from '../routes.ts';
import { RULE_TRANSFERS_LIMIT, RuleTransfers } from './schemas.ts';

type Operation = {
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
};
const doc = buildOpenApi('1') as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

const request = {
  id: '1b899cda20504678b7933e0be209d19f',
  state: 'SUBMITTED',
  source: 'CTAO-N-ONSITE',
  destination: 'CTAO-S-ONSITE',
  bytes: 4853,
  retries: 0,
  activity: 'User Subscriptions',
  createdAt: '2026-12-03T08:18:29.000Z',
  updatedAt: '2026-12-03T08:18:31.000Z',
  error: null,
  externalId: '205b8ce6-eef2-11f1-860f-02fc00000001',
};
const body = {
  ruleId: '90770f5f2c514c229a033dc442764714',
  transfers: [
    {
      scope: 'acada',
      name: '/ctao/a.fits.fz',
      rse: 'CTAO-S-ONSITE',
      lockState: 'REPLICATING',
      request,
    },
    {
      scope: 'acada',
      name: '/ctao/b.fits.fz',
      rse: 'CTAO-S-ONSITE',
      lockState: 'STUCK',
      request: null,
    },
  ],
  total: 2,
  shown: 2,
  fetchedAt: '2026-12-03T08:18:40.000Z',
};

describe('RuleTransfers', () => {
  it('takes a lock with its request and one Rucio has no request for', () => {
    expect(RuleTransfers.parse(body).transfers.map((t) => t.request?.state ?? null)).toEqual([
      'SUBMITTED',
      null,
    ]);
  });

  it('refuses an OK lock (it has nothing to transfer), a fractional retry count and a missing count', () => {
    const [first] = body.transfers;
    const ok = { ...body, transfers: [{ ...first, lockState: 'OK' }] };
    expect(RuleTransfers.safeParse(ok).success).toBe(false);
    const half = { ...body, transfers: [{ ...first, request: { ...request, retries: 0.5 } }] };
    expect(RuleTransfers.safeParse(half).success).toBe(false);
    expect(RuleTransfers.safeParse({ ...body, shown: undefined }).success).toBe(false);
  });
});

describe('GET /api/rules/:id/transfers in the OpenAPI document', () => {
  const op = doc.paths['/api/rules/{id}/transfers']?.get;

  it('is a contract route, documented with the rule id as path parameter and its own schema', () => {
    expect(api.ruleTransfers).toMatchObject({ method: 'get', path: '/api/rules/:id/transfers' });
    expect(op?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path' })]),
    );
    expect(JSON.stringify(op?.responses['200'])).toContain('#/components/schemas/RuleTransfers');
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['RuleTransfers', 'RuleTransfer', 'RuleTransferRequest']),
    );
    expect(api.ruleTransfers.summary).toContain(`at most ${RULE_TRANSFERS_LIMIT}`);
  });

  it('documents Rucio refusing (401, 403), an unknown rule (404) and Rucio unreachable (503)', () => {
    expect(Object.keys(op?.responses ?? {})).toEqual(
      expect.arrayContaining(['400', '401', '403', '404', '502', '503']),
    );
    expect(JSON.stringify(op?.responses['401'])).toContain('rucio_rejected_token');
    expect(JSON.stringify(op?.responses['403'])).toContain('forbidden');
  });
});
