import { describe, expect, it } from 'vitest';
import { describeStates, replicaMarkers, replicaPlaces } from './replica-places.ts';

const site = (
  rse: string,
  lat: number | null,
  lon: number | null,
  type: 'DISK' | 'TAPE' = 'DISK',
  coordinatesProblem: string | null = null,
) => ({
  rse,
  type,
  latitude: lat,
  longitude: lon,
  coordinatesProblem,
  city: 'Zeuthen',
  country: 'Germany',
  continent: 'EU',
  volatile: false,
  staging: false,
  availability: { read: true, write: true, delete: true },
});

const row = (rse: string, available: number, total: number, bytes: number) => ({
  rse,
  state: available === total ? 'AVAILABLE' : 'UNAVAILABLE',
  availableFiles: available,
  totalFiles: total,
  availableBytes: (bytes * available) / total,
  totalBytes: bytes,
});

describe('replica markers', () => {
  const summary = {
    source: 'dataset_replicas' as const,
    rses: [row('A-DISK', 10, 10, 4000), row('B-TAPE', 5, 10, 1000), row('C-DISK', 0, 10, 4000)],
  };
  const places = replicaPlaces(
    summary,
    [site('A-DISK', 52.3, 13.6), site('B-TAPE', 41.5, 2.1, 'TAPE')],
    [{ rse: 'A-DISK', ok: 2, replicating: 0, stuck: 1 }],
  );
  const markers = replicaMarkers(places);

  it('colours by completeness and shapes by storage type', () => {
    expect(markers.map((m) => [m.id, m.tone, m.kind])).toEqual([
      ['A-DISK', 'complete', 'DISK'],
      ['B-TAPE', 'partial', 'TAPE'],
      ['C-DISK', 'missing', 'DISK'],
    ]);
  });

  it('sizes by bytes, relative to the largest', () => {
    expect(markers.map((m) => m.weight)).toEqual([1, 0.25, 1]);
  });

  it('leaves an RSE without coordinates unplaced (never 0°, 0°)', () => {
    expect(markers[2]).toMatchObject({ latitude: null, longitude: null });
  });

  it('says files, bytes, place and locks in the label', () => {
    expect(markers[0]?.label).toBe(
      'A-DISK (disk, Zeuthen, Germany): AVAILABLE, 10 of 10 files, 4.00 kB of 4.00 kB; locks: 2 OK, 1 stuck',
    );
    expect(markers[2]?.label).toContain('place unknown');
    expect(markers[2]?.label).toContain('no rule lock');
  });

  it("says why Rucio's coordinates are not used when they are malformed", () => {
    const problem =
      "Rucio's coordinates are unusable: latitude 123 is not a number between −90 and 90";
    const [marker] = replicaMarkers(
      replicaPlaces(
        { rses: [row('X-DISK', 1, 1, 10)] },
        [site('X-DISK', null, null, 'DISK', problem)],
        undefined,
      ),
    );
    expect(marker?.label).toContain(`Zeuthen, Germany; ${problem}`);
  });
});

describe('describeStates', () => {
  it('lists the states people care about first, in words, without empty ones', () => {
    expect(
      describeStates({ BAD: 1, AVAILABLE: 1200, TEMPORARY_UNAVAILABLE: 2, COPYING: 0, NEW_ONE: 3 }),
    ).toBe('1,200 available, 2 temporary unavailable, 1 bad, 3 new one');
  });

  it('says when nothing is there, and nothing before counting', () => {
    expect(describeStates({})).toBe('no file replica');
    expect(describeStates(undefined)).toBeUndefined();
  });
});
