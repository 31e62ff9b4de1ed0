import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GlobalLimitsDto,
  LocalLimitsDto,
  parseRucioJson,
  RseAccountUsageDto,
} from '@bdms/rucio-client';
import { z } from 'zod';
import type { QuotaRecording } from '../fixtures/record-quotas.ts';
import { bulkRows, csvCells, flagDuplicates } from '../../src/quotas/bulk-rows.ts';
import { csvCell } from '../../src/quotas/audit-csv.ts';
import { belowUsage, fromRucio, limitColumn, toRucio } from '../../src/quotas/limit-values.ts';
import {
  actorFrom,
  mayGlobal,
  mayLocal,
  permissionsOf,
} from '../../src/quotas/quota-permissions.ts';

/** Rucio's answers recorded from the devstack by test/fixtures/record-quotas.ts. */
const recording = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../fixtures/quotas-recorded.json'), 'utf8'),
) as QuotaRecording;
const body = (p: string): string => {
  const answer = recording.answers[p];
  if (!answer) throw new Error(`not recorded: ${p}`);
  return answer.body;
};
const lines = (p: string) => body(p).trim().split('\n').map(parseRucioJson);

describe("Rucio's unlimited, as recorded", () => {
  it('when Rucio lists an RSE’s accounts, then an unlimited limit is -1 there and becomes unlimited', () => {
    const rows = lines('/rses/CTAO-S-ONSITE/accounts/usage').map((l) =>
      RseAccountUsageDto.parse(l),
    );
    const byAccount = new Map(rows.map((r) => [r.account, fromRucio(r.quota_bytes)]));
    expect(rows.find((r) => r.account === 'lst-analysis')?.quota_bytes).toBe(-1);
    expect(byAccount.get('lst-analysis')).toBe('unlimited');
    expect(byAccount.get('ctaoadmin')).toBe(10e12);
    expect(byAccount.get('alice')).toBeNull();
  });

  it('when Rucio answers limits as JSON, then the bare Infinity (which JSON.parse refuses) becomes unlimited', () => {
    const local = body('/accounts/lst-analysis/limits/local');
    expect(local).toContain('Infinity');
    expect(() => JSON.parse(local) as unknown).toThrow();
    const limits = LocalLimitsDto.parse(parseRucioJson(local));
    expect(fromRucio(limits['CTAO-S-ONSITE'])).toBe('unlimited');
    expect(fromRucio(limits['CTAO-N-ONSITE'])).toBe(2.5e9);
    const global = GlobalLimitsDto.parse(
      parseRucioJson(body('/accounts/lst-analysis/limits/global')),
    );
    expect(fromRucio(global['ONSITE|TAPE']?.limit)).toBe('unlimited');
    expect(global['ONSITE|TAPE']?.resolved_rses.sort()).toEqual([
      'CTAO-N-ONSITE',
      'CTAO-S-ONSITE',
      'PIC-TAPE',
    ]);
  });

  it('when a limit is sent or kept, then unlimited is -1 for Rucio and a word in the audit, bytes exact', () => {
    expect(toRucio('unlimited')).toBe(-1);
    expect(toRucio(5e9)).toBe(5e9);
    expect(limitColumn('unlimited')).toBe('unlimited');
    expect(limitColumn(1e18)).toBe('1000000000000000000');
    expect(limitColumn(null)).toBeNull();
  });

  it('when a limit is below what the account stores, then it needs confirming; removing a local one counts as 0', () => {
    expect(belowUsage('local', 100, 101)).toBe(true);
    expect(belowUsage('local', 101, 101)).toBe(false);
    expect(belowUsage('local', 'unlimited', 1e15)).toBe(false);
    expect(belowUsage('local', null, 1)).toBe(true);
    expect(belowUsage('local', null, 0)).toBe(false);
    expect(belowUsage('global', null, 1e15)).toBe(false);
  });
});

describe("who may set limits: Rucio's rule, mirrored", () => {
  const attributes = (p: string) =>
    z.array(z.object({ key: z.string(), value: z.unknown() })).parse(parseRucioJson(body(p)));
  const countries = new Map<string, unknown>([
    ['DESY-ZN-DISK', 'DE'],
    ['CSCS-DISK', 'CH'],
    ['PIC-TAPE', 'ES'],
    ['NO-COUNTRY', undefined],
  ]);

  it('when the account has the admin attribute (recorded) or is root, then it may everywhere', () => {
    const admin = actorFrom('ctaoadmin', attributes('/accounts/ctaoadmin/attr/'));
    expect(admin.rucioAdmin).toBe(true);
    expect(mayGlobal(admin, ['NO-COUNTRY'], countries)).toBe(true);
    expect(actorFrom('root', []).rucioAdmin).toBe(true);
    // Presence is what counts, whatever the value.
    expect(actorFrom('x', [{ key: 'admin', value: false }]).rucioAdmin).toBe(true);
  });

  it('when the account has no attribute (recorded: alice), then it may nowhere, and says why', () => {
    const alice = actorFrom('alice', attributes('/accounts/alice/attr/'));
    expect(alice).toEqual({ account: 'alice', rucioAdmin: false, countries: [] });
    expect(mayLocal(alice, 'DESY-ZN-DISK', countries)).toBe(false);
    const perms = permissionsOf(alice, true, countries, '/ctao/admins');
    expect(perms.rses).toEqual([]);
    expect(perms.reason).toContain('country-<cc>=admin');
    expect(permissionsOf(alice, false, countries, '/ctao/admins').reason).toContain('/ctao/admins');
  });

  it('when the account is a country admin, then it may on RSEs of that country, and globally only if every RSE is', () => {
    const de = actorFrom('de-admin', [
      { key: 'country-DE', value: 'admin' },
      { key: 'country-CH', value: 'user' },
    ]);
    expect(de.countries).toEqual(['DE']);
    expect(mayLocal(de, 'DESY-ZN-DISK', countries)).toBe(true);
    expect(mayLocal(de, 'CSCS-DISK', countries)).toBe(false);
    expect(mayGlobal(de, ['DESY-ZN-DISK'], countries)).toBe(true);
    expect(mayGlobal(de, ['DESY-ZN-DISK', 'CSCS-DISK'], countries)).toBe(false);
    expect(mayGlobal(de, ['DESY-ZN-DISK', 'NO-COUNTRY'], countries)).toBe(false);
    expect(permissionsOf(de, true, countries, '/ctao/admins').rses).toEqual(['DESY-ZN-DISK']);
  });

  it('when the RSE attributes are recorded, then DESY-ZN-DISK has country DE', () => {
    const attrs = z
      .record(z.string(), z.unknown())
      .parse(parseRucioJson(body('/rses/DESY-ZN-DISK/attr/')));
    expect(attrs.country).toBe('DE');
  });
});

describe('bulk rows', () => {
  it('when a CSV holds a header, comments, units and blanks, then each line is a row with its line number', () => {
    const rows = bulkRows({
      kind: 'csv',
      csv: '# limits\naccount,rse,bytes\nalice,DESY-ZN-DISK,10 TB\n\n"lst-analysis",CSCS-DISK,\nbob,lower-case,1.5\n',
    });
    expect(
      rows.map((r) => [r.row, r.account, r.rse, r.after, r.problems.map((p) => p.field)]),
    ).toEqual([
      [3, 'alice', 'DESY-ZN-DISK', 10e12, []],
      [5, 'lst-analysis', 'CSCS-DISK', null, []],
      [6, 'bob', 'lower-case', null, ['rse', 'limit']],
    ]);
  });

  it('when the header says expression, then every row is a global limit', () => {
    const [row] = bulkRows({
      kind: 'csv',
      csv: 'account,expression,bytes\nalice,"OFFSITE\\PIC-TAPE",unlimited',
    });
    expect(row).toMatchObject({ rse: null, expression: 'OFFSITE\\PIC-TAPE', after: 'unlimited' });
  });

  it('when the same limit goes to many accounts and RSEs, then every pair is a row', () => {
    const rows = bulkRows({
      kind: 'same',
      accounts: ['alice', 'lst-analysis'],
      rses: ['DESY-ZN-DISK'],
      expressions: ['OFFSITE'],
      limit: 1e9,
    });
    expect(rows.map((r) => `${String(r.row)} ${r.account} ${r.rse ?? r.expression ?? ''}`)).toEqual(
      [
        '1 alice DESY-ZN-DISK',
        '2 alice OFFSITE',
        '3 lst-analysis DESY-ZN-DISK',
        '4 lst-analysis OFFSITE',
      ],
    );
    expect(() => bulkRows({ kind: 'same', accounts: ['alice'], limit: 1 })).toThrow(/source.rses/);
  });

  it('when a row repeats an account and target, or names both or neither, then it is a problem', () => {
    const rows = bulkRows({
      kind: 'rows',
      rows: [
        { account: 'alice', rse: 'DESY-ZN-DISK', limit: 1 },
        { account: 'alice', rse: 'DESY-ZN-DISK', limit: 2 },
        { account: 'alice', rse: 'CSCS-DISK', expression: 'OFFSITE', limit: 2 },
        { account: 'alice', limit: 2 },
      ],
    });
    flagDuplicates(rows);
    expect(rows.map((r) => r.problems.map((p) => p.message))).toEqual([
      [],
      ['repeats row 1 (same account and target)'],
      ['name exactly one of rse and expression'],
      ['name exactly one of rse and expression'],
    ]);
  });

  it('when CSV cells are quoted, then quotes and commas inside survive; written cells are quoted and defused', () => {
    expect(csvCells('a,"b,c","say ""hi""" ')).toEqual(['a', 'b,c', 'say "hi"']);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('=cmd()')).toBe("'=cmd()");
    expect(csvCell(null)).toBe('');
  });
});
