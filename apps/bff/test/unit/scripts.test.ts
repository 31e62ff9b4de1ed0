import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scriptEnd, scriptFile, scriptStart, shellWord } from '../../src/links/scripts.ts';

const file = {
  scope: 'acada',
  name: `/ctao/x/it's "odd", <really> & $(rm -rf ~).fits`,
  path: `x/it's "odd", <really> & $(rm -rf ~).fits`,
  bytes: 10,
  adler32: '0000000a',
  md5: 'd41d8cd98f00b204e9800998ecf8427e',
  url: 'http://p/links/t/f?a=1&b=2',
};

describe('script writers', () => {
  it('name a file on tape only instead of fetching it, and end with exit status 4', () => {
    const script =
      scriptStart('curl', { did: 'd', dids: ['d'], expiresAt: null, portal: 'p' }) +
      scriptFile('curl', { ...file, url: undefined, tapeOnly: ['PIC-TAPE'] }) +
      scriptEnd('curl', 1);
    let status = 0;
    let stderr = '';
    try {
      execFileSync('sh', ['-c', script], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      ({ status, stderr } = err as { status: number; stderr: string });
    }
    expect(status).toBe(4);
    expect(stderr).toContain(`on tape only (PIC-TAPE), not fetched: ${file.path}`);
    expect(stderr).toContain('1 files are on tape only');
    const meta = scriptFile('metalink', { ...file, tapeOnly: ['PIC-TAPE'] });
    expect(meta).toContain('<!-- on tape only (PIC-TAPE): request it staged first -->');
  });

  it('quote every name for the shell, whatever it holds (sh reads back exactly the text)', () => {
    const word = shellWord(file.path);
    expect(execFileSync('sh', ['-c', `printf %s ${word}`], { encoding: 'utf8' })).toBe(file.path);
  });

  it('write a curl line the shell parses into the URL, the path and the two checksums', () => {
    const line = scriptFile('curl', file);
    const args = execFileSync('sh', ['-c', `fetch() { printf '%s\\n' "$@"; }; ${line}`], {
      encoding: 'utf8',
    });
    expect(args.trim().split('\n')).toEqual([file.url, file.path, file.adler32, file.md5]);
  });

  it('escape the Metalink, quote the CSV, and write JSON a parser reads', () => {
    const meta =
      scriptStart('metalink', { did: 'd', dids: ['d'], expiresAt: null, portal: 'p' }) +
      scriptFile('metalink', file) +
      scriptEnd('metalink', 1);
    expect(meta).toContain('name="x/it\'s &quot;odd&quot;, &lt;really&gt; &amp; $(rm -rf ~).fits"');
    expect(meta).toContain('<url priority="1">http://p/links/t/f?a=1&amp;b=2</url>');
    expect(scriptFile('csv', file)).toContain(`"x/it's ""odd"", <really> & $(rm -rf ~).fits"`);
    const lines = scriptFile('json', file) + scriptFile('json', file);
    const parsed = lines
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { path: string });
    expect(parsed.map((p) => p.path)).toEqual([file.path, file.path]);
    expect(
      scriptStart('json', { did: 'a:b', dids: ['a:b'], expiresAt: null, portal: 'p' }) +
        scriptEnd('json', 2),
    ).toBe('');
  });
});
