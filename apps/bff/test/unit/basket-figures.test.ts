import {
  BulkMetaDto,
  DatasetReplicaDto,
  FileReplicaDto,
  type BulkMetaDto as Meta,
} from '@bdms/rucio-client';
import { loadRecording, recordedMeta } from '@bdms/rucio-client/testing';
import { describe, expect, it } from 'vitest';
import {
  combineFigures,
  containerFigures,
  datasetFigures,
  fileFigures,
  UNKNOWN,
} from '../../src/basket/basket-figures.ts';

/** The lines of a recording of the real Rucio, parsed as the client parses them. */
const lines = <T>(name: string, parse: (v: unknown) => T): T[] =>
  loadRecording(name)
    .response.body.split('\n')
    .filter((l) => l.trim())
    .map((l) => parse(JSON.parse(l)));

const { file, dataset } = recordedMeta();
const metas = lines('basket-bulkmeta', (v) => BulkMetaDto.parse(v));
const metaOf = (name: string) => metas.find((m) => m.name === name) as Meta;
const replicas = lines('basket-file-replicas', (v) => FileReplicaDto.parse(v));
const table = lines('basket-dataset-replicas', (v) => DatasetReplicaDto.parse(v));
const types = new Map(
  lines('basket-rses', (v) => v as { rse: string; rse_type: 'DISK' | 'TAPE' }).map((r) => [
    r.rse,
    r.rse_type,
  ]),
);
const fileReplica = replicas.find((r) => r.name === file.name) as FileReplicaDto;
const datasetRows = table.filter((r) => r.name === dataset.name);

describe('a file’s place, from its replicas now', () => {
  it('when only a tape RSE holds it, then it is tape only, its bytes counted as such', () => {
    const onTape = {
      ...fileReplica,
      rses: { 'PIC-TAPE': [] },
      states: { 'PIC-TAPE': 'AVAILABLE' },
    };
    expect(fileFigures(metaOf(file.name), onTape, types)).toEqual({
      files: 1,
      bytes: 4853,
      bytesTapeOnly: 4853,
      where: 'tape-only',
      sizeSource: 'exact',
      whereSource: 'exact',
    });
  });

  it('when its disk replica is still being copied, then the tape copy is all there is', () => {
    const states = { ...fileReplica.states };
    for (const rse of Object.keys(states)) if (types.get(rse) === 'DISK') states[rse] = 'COPYING';
    expect(fileFigures(metaOf(file.name), { ...fileReplica, states }, types).where).toBe(
      'tape-only',
    );
  });

  it('when Rucio lists no replica, then it is nowhere', () => {
    expect(fileFigures(metaOf(file.name), undefined, types)).toMatchObject({
      where: 'none',
      bytesTapeOnly: 0,
    });
  });
});

describe('a dataset’s place, from Rucio’s dataset-replica table', () => {
  it('when a disk RSE has every file, then it is on disk (the recorded dataset)', () => {
    expect(datasetFigures(metaOf(dataset.name), datasetRows, types)).toEqual({
      files: 6,
      bytes: 26012,
      bytesTapeOnly: 0,
      where: 'disk',
      sizeSource: 'dataset_replicas',
      whereSource: 'dataset_replicas',
    });
  });

  it('when only tape has it all, then it is tape only for the bytes no disk RSE has', () => {
    const half = datasetRows.map((r) =>
      types.get(r.rse) === 'DISK' ? { ...r, available_length: 2, available_bytes: 9000 } : r,
    );
    expect(datasetFigures(metaOf(dataset.name), half, types)).toMatchObject({
      where: 'tape-only',
      bytesTapeOnly: 26012 - 9000,
    });
    const tapeOnly = datasetRows.filter((r) => types.get(r.rse) === 'TAPE');
    expect(datasetFigures(metaOf(dataset.name), tapeOnly, types)).toMatchObject({
      where: 'tape-only',
      bytesTapeOnly: 26012,
    });
  });

  it('when disk holds part and no tape holds more, then it is partial; with no replica, none', () => {
    const part = datasetRows
      .filter((r) => types.get(r.rse) === 'DISK')
      .map((r) => ({ ...r, available_length: 3, available_bytes: 100, state: 'UNAVAILABLE' }));
    expect(datasetFigures(metaOf(dataset.name), part, types).where).toBe('partial');
    const none = part.map((r) => ({ ...r, available_length: 0, available_bytes: 0 }));
    expect(datasetFigures(metaOf(dataset.name), none, types).where).toBe('none');
  });

  it('when Rucio’s record holds the count (a closed dataset), then that is exact', () => {
    const closed = { ...metaOf(dataset.name), length: 6, bytes: 26012 };
    expect(datasetFigures(closed, datasetRows, types)).toMatchObject({ sizeSource: 'exact' });
    expect(datasetFigures(metaOf(dataset.name), [], types)).toMatchObject({
      files: null,
      where: 'unknown',
      sizeSource: 'unknown',
    });
  });
});

describe('a container’s place, from its datasets', () => {
  const disk = datasetFigures(metaOf(dataset.name), datasetRows, types);
  const tape = { ...disk, where: 'tape-only' as const, bytesTapeOnly: 5 };

  it('sums its datasets; tape only wins over disk; a walk stopped early is unknown', () => {
    expect(combineFigures([disk, tape])).toMatchObject({
      files: 12,
      bytes: 52024,
      bytesTapeOnly: 5,
      where: 'tape-only',
    });
    expect(combineFigures([disk, { ...disk, where: 'none' }]).where).toBe('partial');
    expect(combineFigures([])).toMatchObject({ files: 0, where: 'none' });
    expect(containerFigures({ scope: 'a', name: 'c' }, undefined)).toEqual(UNKNOWN);
  });
});
