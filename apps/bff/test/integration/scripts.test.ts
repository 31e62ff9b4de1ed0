import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adler32Hex, demoUser, RUCIO_ROOT } from '@bdms/dev-fixtures';
import { createRucioClient } from '@bdms/rucio-client';
import { recordedMeta } from '@bdms/rucio-client/testing';
import { login, RUCIO_URL, startBff, type TestBff } from './bff.ts';
import { all, didUrl } from './did-helpers.ts';
import { runScript } from './script-run.ts';

/*
 * The scripts the portal writes for a seeded dataset, run for real: curl and wget fetch every
 * file through the signed links and verify it; a changed checksum makes the script fail. The
 * manifests and the Metalink are read back and compared with Rucio's own listing (as root).
 */
let bff: TestBff;
let cookie = '';
const rucio = createRucioClient({ baseUrl: RUCIO_URL, userAgent: 'bff-it' });
let expected: { name: string; bytes: number; adler32: string; md5: string }[] = [];

const { dataset } = recordedMeta();
beforeAll(async () => {
  bff = await startBff();
  cookie = (await login(bff, demoUser('astronomer'))).cookie;
  const { token } = await rucio.authUserpass(RUCIO_ROOT);
  expected = (await all(rucio.listFileReplicas({ token, dids: [dataset] })))
    .map((f) => ({
      name: f.name,
      bytes: Number(f.bytes),
      adler32: String(f.adler32),
      md5: String(f.md5),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
});
afterAll(async () => {
  await bff.stop();
});

const script = async (format: string) => {
  const res = await fetch(`${bff.url}${didUrl(dataset, '/script')}?format=${format}`, {
    headers: { Cookie: cookie },
  });
  expect(res.status).toBe(200);
  return { res, text: await res.text() };
};
const inside = (name: string) => `03/${name.slice(dataset.name.length + 1)}`;

const run = runScript;

describe('download scripts for a dataset', () => {
  it.each(['curl', 'wget'])(
    'when the %s script runs, then every file arrives and is verified',
    async (format) => {
      const { res, text } = await script(format);
      expect(res.headers.get('content-type')).toContain('text/x-shellscript');
      expect(res.headers.get('content-disposition')).toContain(`.${format}.sh`);
      const done = await run(text);
      expect(done.output).toContain(
        `${String(expected.length)} of ${String(expected.length)} files downloaded and verified`,
      );
      expect(done.status).toBe(0);
      for (const f of expected)
        expect(adler32Hex(readFileSync(join(done.dir, inside(f.name))))).toBe(f.adler32);
    },
  );

  it('when a checksum in the script does not match the bytes, then the script fails and says which file', async () => {
    const { text } = await script('curl');
    const [first] = expected;
    const changed = text.replace(`'${first?.adler32 ?? ''}'`, "'00000001'");
    expect(changed).not.toBe(text);
    const done = await run(changed);
    expect(done.status).toBe(1);
    expect(done.output).toContain('adler32 mismatch');
  });

  it('when the manifests and the Metalink are read back, then they list Rucio’s files, sizes and checksums', async () => {
    const json = (await script('json')).text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { name: string; bytes: number; adler32: string; md5: string });
    expect(
      json
        .map(({ name, bytes, adler32, md5 }) => ({ name, bytes, adler32, md5 }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual(expected);
    const csv = (await script('csv')).text.trim().split('\n');
    expect(csv[0]).toBe('scope,name,path,bytes,adler32,md5');
    expect(csv).toHaveLength(expected.length + 1);
    const meta = (await script('metalink')).text;
    const parsed = execFileSync(
      'python3',
      [
        '-c',
        `import sys, xml.etree.ElementTree as ET
ns = {"m": "urn:ietf:params:xml:ns:metalink"}
root = ET.fromstring(sys.stdin.read())
for f in root.findall("m:file", ns):
    print(f.get("name"), f.find("m:size", ns).text, f.find("m:hash", ns).text, f.find("m:url", ns).text.startswith("http"))`,
      ],
      { input: meta, encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .sort();
    expect(parsed).toEqual(
      expected.map((f) => `${inside(f.name)} ${String(f.bytes)} ${f.md5} True`).sort(),
    );
    expect((await script('rucio')).text).toContain(
      `rucio download --dir . '${dataset.scope}:${dataset.name}'`,
    );
  });

  it('when a script’s own link row is used as a link, then 403: only its per-file links serve bytes', async () => {
    await script('curl');
    const listed = (await (
      await fetch(`${bff.url}/api/links`, { headers: { Cookie: cookie } })
    ).json()) as { links: { name: string; url: string }[] };
    const row = listed.links.find((l) => l.name === dataset.name);
    expect(row).toBeDefined();
    expect((await fetch(row?.url ?? '')).status).toBe(403);
  });

  it('when the DID is unknown, then 404 before any script is written; a bad format is a 400', async () => {
    const res = await fetch(
      `${bff.url}${didUrl({ scope: 'acada', name: '/ctao/no/such' }, '/script')}?format=curl`,
      {
        headers: { Cookie: cookie },
      },
    );
    expect(res.status).toBe(404);
    const bad = await fetch(`${bff.url}${didUrl(dataset, '/script')}?format=zip`, {
      headers: { Cookie: cookie },
    });
    expect(bad.status).toBe(400);
  });
});
