import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { login, makeApp, stubRucio } from './helpers.ts';

/** GET /api/search/export over a made-up Rucio: formats, headers, incomplete results. */
function fakeRucio(count: number, breakAfter?: number) {
  const names = Array.from({ length: count }, (_, i) => `/ctao/acada/f${i}`);
  return stubRucio({
    searchDidNames: () =>
      (async function* () {
        for (const [i, name] of names.entries()) {
          if (i === breakAfter) throw new Error('socket hang up');
          await Promise.resolve();
          yield name;
        }
      })(),
    bulkMeta: ({ dids }) =>
      (async function* () {
        await Promise.resolve();
        for (const d of dids) {
          const i = Number(d.name.split('/f')[1]);
          yield {
            ...d,
            did_type: 'FILE',
            bytes: 100 + i,
            length: null,
            obs_id: 2000000000 + i,
            ra_pnt: 83.5,
            target_name: i === 0 ? 'Crab, "the" <nebula> & co' : 'Crab',
            start_time: '2025-02-03T21:14:00',
            tel_ids: [1, 2],
            valid_fits_checksum: true,
          };
        }
      })(),
  });
}

const q = JSON.stringify({ scopes: ['acada'], didType: 'file', groups: [] });

async function exportAs(format: string, count: number, breakAfter?: number) {
  const t = makeApp({ rucio: fakeRucio(count, breakAfter) });
  const { sessionCookie } = await login(t);
  return request(t.app)
    .get('/api/search/export')
    .query({ q, format })
    .set('Cookie', sessionCookie)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => {
        done(null, text);
      });
    });
}

describe('GET /api/search/export', () => {
  it('when CSV is asked, then a header, one line per row with quoting, as an attachment', async () => {
    const res = await exportAs('csv', 3);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="bdms-search-\d{8}T\d{6}Z\.csv"$/,
    );
    const lines = (res.body as string).trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('scope,name,type,bytes,length,obs_id,')).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('"Crab, ""the"" <nebula> & co"');
    expect(lines[1]).toContain('"[1,2]"');
    expect(res.body).not.toMatch(/INCOMPLETE/);
  });

  it('when Rucio breaks off during a CSV export, then the file ends with an INCOMPLETE line', async () => {
    const res = await exportAs('csv', 3000, 1500);
    const lines = (res.body as string).trimEnd().split('\r\n');
    expect(lines.at(-1)).toMatch(/^# INCOMPLETE: .*incomplete \(\d+ rows\)/);
  });

  it('when VOTable is asked, then typed FIELDs with units, escaped cells and QUERY_STATUS OK after the table', async () => {
    const res = await exportAs('votable', 2);
    const xml = res.body as string;
    expect(res.headers['content-type']).toMatch(/^application\/x-votable\+xml/);
    expect(xml).toMatch(/<VOTABLE version="1.4"/);
    expect(xml).toMatch(/<FIELD name="obs_id" datatype="long" ucd="meta.id;obs">/);
    expect(xml).toMatch(/<FIELD name="ra_pnt" datatype="double" unit="deg" ucd="pos.eq.ra">/);
    expect(xml).toMatch(
      /<FIELD name="start_time" datatype="char" arraysize="\*" xtype="timestamp" ucd="time.start">/,
    );
    expect(xml).toContain('<TD>Crab, &quot;the&quot; &lt;nebula&gt; &amp; co</TD>');
    expect(xml).toContain('<TD>1 2</TD>');
    expect(xml).toMatch(
      /<\/TABLE>\n<INFO name="QUERY_STATUS" value="OK">2 rows<\/INFO>\n<\/RESOURCE>\n<\/VOTABLE>\n$/,
    );
  });

  it('when Rucio breaks off during a VOTable export, then the table is closed and QUERY_STATUS says ERROR', async () => {
    const xml = (await exportAs('votable', 3000, 1500)).body as string;
    expect(xml).toMatch(
      /<\/TABLEDATA><\/DATA><\/TABLE>\n<INFO name="QUERY_STATUS" value="ERROR">[^<]*incomplete[^<]*<\/INFO>\n<\/RESOURCE>\n<\/VOTABLE>\n$/,
    );
  });

  it('when NDJSON is asked, then SearchRow lines and the end trailer; on a break, the error trailer', async () => {
    const ok = ((await exportAs('ndjson', 5)).body as string).trim().split('\n');
    expect(ok).toHaveLength(6);
    expect(JSON.parse(ok.at(-1) ?? '')).toEqual({ end: { count: 5 } });
    const broken = ((await exportAs('ndjson', 3000, 1500)).body as string).trim().split('\n');
    expect(JSON.parse(broken.at(-1) ?? '')).toMatchObject({
      error: { code: expect.any(String) as string },
    });
  });

  it('when the format is unknown, then 400 before anything is asked of Rucio', async () => {
    expect((await exportAs('xlsx', 1)).status).toBe(400);
  });
});
