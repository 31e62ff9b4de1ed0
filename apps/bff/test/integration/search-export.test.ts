import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRucioCli, validateQuery, type SearchQueryInput } from '@bdms/contract';
import { RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { didKey, portalSearch, signIn, type Signed } from './search-helpers.ts';

/**
 * Exports read by other tools, and the copied CLI command run by the real `rucio` client: the
 * VOTable parsed strictly by astropy, the CSV by its header, `rucio did list` from the devstack's
 * venv (rucio-clients 41.5.1) signed in with the same user's token.
 */
/** Asynchronous: the BFF under test runs in this process and must keep answering. */
const run = promisify(execFile);
const VENV_BIN = path.resolve(import.meta.dirname, '../../../../.devstack/venv/bin');
let bff: TestBff;
let alice: Signed;
let dir = '';

beforeAll(async () => {
  bff = await startBff();
  alice = await signIn(bff);
  dir = mkdtempSync(path.join(tmpdir(), 'bdms-search-it-'));
});
afterAll(async () => {
  await bff.stop();
  rmSync(dir, { recursive: true, force: true });
});

const SOUTH: SearchQueryInput = {
  scopes: ['acada', 'dpps'],
  didType: 'file',
  groups: [[{ key: 'site', op: '=', value: 'CTAO-South' }]],
};

async function exported(query: SearchQueryInput, format: string) {
  const q = encodeURIComponent(JSON.stringify(query));
  const res = await fetch(`${bff.url}/api/search/export?q=${q}&format=${format}`, {
    headers: { Cookie: alice.cookie },
  });
  return { res, text: await res.text() };
}

/** astropy, strict: any VOTable warning is an error. Prints what the test compares. */
const READ_VOTABLE = `
import json, sys
import numpy as np
from astropy.io.votable import parse
vot = parse(sys.argv[1], verify='exception')
resource = vot.resources[0]
table = resource.tables[0]
rows = table.array
print(json.dumps({
    'version': vot.version,
    'status': [(i.name, i.value) for i in resource.infos],
    'fields': {f.name: {'datatype': f.datatype, 'unit': str(f.unit) if f.unit else None,
                        'ucd': f.ucd, 'dtype': str(rows.dtype[f.name])} for f in table.fields},
    'keys': [f"{r['scope']}:{r['name']}" for r in rows],
    'obs_ids': [None if m else int(v) for v, m in zip(rows['obs_id'].data, np.ma.getmaskarray(rows['obs_id']))],
    'checksums': [bool(v) for v in rows['valid_fits_checksum'].compressed()],
}))
`;

describe('exports and copies against the real stack', () => {
  it('when the result is exported as VOTable, then astropy reads every row with typed columns and QUERY_STATUS OK', async () => {
    const portal = await portalSearch(bff, alice, SOUTH);
    const { res, text } = await exported(SOUTH, 'votable');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.vot"$/);
    const file = path.join(dir, 'south.vot');
    writeFileSync(file, text);
    const { stdout } = await run(path.join(VENV_BIN, 'python'), ['-c', READ_VOTABLE, file]);
    const read = JSON.parse(stdout) as {
      version: string;
      status: [string, string][];
      fields: Record<
        string,
        { datatype: string; unit: string | null; ucd: string | null; dtype: string }
      >;
      keys: string[];
      obs_ids: (number | null)[];
      checksums: boolean[];
    };
    expect(read.version).toBe('1.4');
    expect(read.status).toContainEqual(['QUERY_STATUS', 'OK']);
    expect([...read.keys].sort()).toEqual(portal.rows.map(didKey).sort());
    expect(read.fields.obs_id).toMatchObject({
      datatype: 'long',
      dtype: 'int64',
      ucd: 'meta.id;obs',
    });
    expect(read.fields.ra_pnt).toMatchObject({ datatype: 'double', dtype: 'float64', unit: 'deg' });
    expect(read.fields.bytes).toMatchObject({ datatype: 'long', unit: 'byte' });
    expect(read.fields.valid_fits_checksum?.datatype).toBe('boolean');
    expect(read.fields.start_time?.datatype).toBe('char');
    const byKey = new Map(portal.rows.map((r) => [didKey(r), r.meta as { obs_id: number }]));
    read.keys.forEach((key, i) => {
      expect(read.obs_ids[i]).toBe(byKey.get(key)?.obs_id ?? null);
    });
    expect(read.obs_ids.some((id) => id !== null)).toBe(true);
    expect(read.checksums.every(Boolean)).toBe(true);
  });

  it('when the result is exported as CSV, then a header and one line per row of the portal’s result', async () => {
    const portal = await portalSearch(bff, alice, SOUTH);
    const { res, text } = await exported(SOUTH, 'csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^scope,name,type,bytes,length,obs_id,/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',').slice(0, 2).join(':'))
        .sort(),
    ).toEqual(portal.rows.map(didKey).sort());
    expect(text).not.toMatch(/INCOMPLETE/);
  });

  it('when the copied rucio CLI command is run by the real rucio client, then it lists the portal’s names', async () => {
    const query: SearchQueryInput = {
      scopes: ['acada'],
      didType: 'all',
      groups: [
        [
          { key: 'obs_id', op: '>=', value: '2000000010' },
          { key: 'obs_id', op: '<=', value: '2000000012' },
        ],
      ],
    };
    const checked = validateQuery(query);
    if (!checked.ok) throw new Error('query refused');
    const { text } = toRucioCli(checked.query);
    expect(text).toMatch(/^rucio did list /);
    writeFileSync(path.join(dir, 'token'), alice.token);
    writeFileSync(
      path.join(dir, 'rucio.cfg'),
      [
        '[client]',
        `rucio_host = ${RUCIO_URL}`,
        `auth_host = ${RUCIO_URL}`,
        'auth_type = oidc',
        'account = alice',
        `auth_token_file_path = ${path.join(dir, 'token')}`,
        '',
      ].join('\n'),
    );
    const portal = await portalSearch(bff, alice, query);
    const { stdout } = await run('sh', ['-c', text], {
      encoding: 'utf8',
      env: {
        ...process.env,
        RUCIO_CONFIG: path.join(dir, 'rucio.cfg'),
        PATH: `${VENV_BIN}:${process.env.PATH ?? ''}`,
      },
    });
    const cli = stdout.split('\n').filter(Boolean);
    expect(cli.length).toBeGreaterThan(0);
    expect([...cli].sort()).toEqual(portal.rows.map(didKey).sort());
  });
});
