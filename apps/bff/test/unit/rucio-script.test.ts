import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { rucioClientSetup, rucioDownloadPath } from '../../src/links/rucio-script.ts';
import { scriptEnd, scriptFile, scriptStart } from '../../src/links/scripts.ts';

const DATASET = '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03';
const file = (name: string) => ({ scope: 'acada', name });

describe('where rucio download puts a file (Rucio 41 downloadclient.py)', () => {
  it('puts a dataset’s hierarchical file under the dataset’s name, keeping the file’s last part', () => {
    expect(rucioDownloadPath([`acada:${DATASET}`], file(`${DATASET}/x.fits.fz`))).toBe(
      `${DATASET.slice(1)}/x.fits.fz`,
    );
  });

  it('puts a container’s files straight under the container’s name, and a file given itself under its scope', () => {
    const container = '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02';
    expect(rucioDownloadPath([`acada:${container}`], file(`${container}/03/y.fits.fz`))).toBe(
      `${container.slice(1)}/y.fits.fz`,
    );
    expect(
      rucioDownloadPath([`acada:${DATASET}`, 'acada:/ctao/z.fits'], file('/ctao/z.fits')),
    ).toBe('acada/ctao/z.fits');
  });

  it('picks, among several DIDs, the one the file is below; a flat name stays whole', () => {
    const dids = ['acada:/ctao/a', 'dpps:/ctao/b'];
    expect(rucioDownloadPath(dids, { scope: 'dpps', name: '/ctao/b/f.fits' })).toBe(
      'ctao/b/f.fits',
    );
    expect(rucioDownloadPath(['user.x:ds1'], { scope: 'user.x', name: 'f1' })).toBe('ds1/f1');
  });
});

describe('the rucio download script', () => {
  const setup = rucioClientSetup({
    rucio: { url: 'https://rucio.example.org' },
    oidc: { issuer: 'https://iam.example.org/', audience: 'rucio' },
    storage: { audience: 'https://wlcg.cern.ch/jwt/v1/any' },
  });
  const text =
    scriptStart('rucio', {
      did: `acada:${DATASET}`,
      dids: [`acada:${DATASET}`],
      expiresAt: null,
      portal: 'https://portal.example.org',
      rucio: setup,
    }) +
    scriptFile('rucio', {
      ...file(`${DATASET}/x.fits.fz`),
      path: `${DATASET.slice(1)}/x.fits.fz`,
      bytes: 3,
      adler32: '024d0127',
      md5: null,
    }) +
    scriptEnd('rucio', 1);

  it('tells the user what to set up: the Rucio host, auth_type oidc, a token for both audiences with storage.read:/', () => {
    expect(setup.audience).toBe('rucio https://wlcg.cern.ch/jwt/v1/any');
    expect(text).toContain('#      rucio_host = https://rucio.example.org');
    expect(text).toContain('#      auth_type = oidc');
    expect(text).toContain('#      audience: rucio https://wlcg.cern.ch/jwt/v1/any');
    expect(text).toContain('#      scope:    openid profile storage.read:/');
    expect(text).toContain('BEARER_TOKEN_FILE');
    expect(text).toContain(`rucio download --dir . 'acada:${DATASET}'`);
    expect(text).toContain(`verify '${DATASET.slice(1)}/x.fits.fz' '024d0127' ''`);
    expect(text.endsWith('echo "$ok of 1 files downloaded and verified"\n')).toBe(true);
  });

  it('is valid sh (sh -n), every line of the setup a comment', () => {
    expect(() => execFileSync('sh', ['-n'], { input: text })).not.toThrow();
    const setupLines = text.split('\n').slice(1, text.split('\n').indexOf('set -eu'));
    expect(setupLines.every((l) => l.startsWith('#'))).toBe(true);
  });
});
