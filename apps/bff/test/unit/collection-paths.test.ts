import { describe, expect, it } from 'vitest';
import { collectionPaths } from '../../src/downloads/collection-paths.ts';

const DS = '/ctao/acada/DL0/ARRAY/ctao-north/event/2025/02/03';
const OTHER = '/ctao/acada/DL0/LSTN-01/ctao-north/event/2025/06/21';
const did = (name: string, scope = 'acada') => ({ scope, name });

describe('collectionPaths', () => {
  it('when one dataset is named, then its files go below a folder of its name, as its own bundle', () => {
    expect(collectionPaths([did(DS)])(did(`${DS}/a.fits.fz`))).toBe('03/a.fits.fz');
  });

  it('when a dataset and a file from elsewhere are named, then each keeps its path below the folder they share', () => {
    const pathOf = collectionPaths([did(DS), did(`${OTHER}/b.fits.fz`)]);
    expect(pathOf(did(`${DS}/a.fits.fz`))).toBe('ARRAY/ctao-north/event/2025/02/03/a.fits.fz');
    expect(pathOf(did(`${OTHER}/b.fits.fz`))).toBe('LSTN-01/ctao-north/event/2025/06/21/b.fits.fz');
  });

  it('when the DIDs span scopes, then the scope leads; a name outside the shared folder keeps its whole path; dot segments are dropped', () => {
    const pathOf = collectionPaths([did('/x/y/f1'), did('/x/y/f2', 'other')]);
    expect(pathOf(did('/x/y/f1'))).toBe('acada/f1');
    expect(pathOf(did('/x/y/f2', 'other'))).toBe('other/f2');
    expect(collectionPaths([did('/x/y/ds')])(did('/elsewhere/../f'))).toBe('elsewhere/f');
  });
});
