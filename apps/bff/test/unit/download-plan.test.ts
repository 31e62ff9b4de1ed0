import { describe, expect, it, vi } from 'vitest';
import { openDownload, type DownloadPlan } from '../../src/downloads/download-plan.ts';
import type { FileToSend, Opened } from '../../src/downloads/replica-open.ts';
import { AppError } from '../../src/errors.ts';

const file = (url: string, over: Partial<FileToSend> = {}): FileToSend => ({
  scope: 'acada',
  name: '/ctao/f.fits.fz',
  bytes: 4,
  adler32: '0000000a',
  md5: null,
  sources: [{ url, rse: url.slice(7, 8).toUpperCase(), tape: false }],
  ...over,
});

/** An opened replica of `f` (its first source), whose body records being dropped. */
const openedOf = (f: FileToSend) => {
  const dump = vi.fn(() => Promise.resolve());
  const source = f.sources[0] ?? { url: '', rse: '', tape: false };
  return { source, upstream: { body: { dump } } } as unknown as Opened & {
    upstream: { body: { dump: typeof dump } };
  };
};

/** A plan whose Rucio answer is settled by the test, and whose opens are recorded. */
function plan(kept: FileToSend | undefined, range?: string) {
  let answer: (f: FileToSend) => void = () => undefined;
  let refuse: (e: Error) => void = () => undefined;
  const rucio = new Promise<FileToSend>((resolve, reject) => {
    answer = resolve;
    refuse = reject;
  });
  rucio.catch(() => undefined); // refused before openDownload asks, in one test
  const opened: string[] = [];
  const p: DownloadPlan & { remembered: FileToSend[]; forgotten: number } = {
    kept,
    range,
    locate: vi.fn(() => rucio),
    open: (f) => {
      const url = f.sources[0]?.url ?? '';
      opened.push(url);
      if (url.includes('gone')) return Promise.reject(new AppError(502, 'storage_error', 'gone'));
      return Promise.resolve(openedOf(f));
    },
    remember: (f) => p.remembered.push(f),
    forget: () => (p.forgotten += 1),
    signal: new AbortController().signal,
    remembered: [],
    forgotten: 0,
  };
  return { p, answer, refuse, opened };
}

describe('openDownload', () => {
  it('without a kept lookup: asks Rucio, opens what it says, keeps the lookup', async () => {
    const { p, answer, opened } = plan(undefined);
    answer(file('http://a/1'));
    const got = await openDownload(p);
    expect(opened).toEqual(['http://a/1']);
    expect(got.confirmed).toBeUndefined();
    expect(p.remembered).toHaveLength(1);
  });

  it('a range with a kept lookup: reads it without asking Rucio; its copy gone, asks once', async () => {
    const { p, answer, opened } = plan(file('http://a/1'), 'bytes=0-1');
    await openDownload(p);
    expect(p.locate).not.toHaveBeenCalled();
    const stale = plan(file('http://gone/1'), 'bytes=0-1');
    stale.answer(file('http://b/1'));
    await openDownload(stale.p);
    expect(stale.opened).toEqual(['http://gone/1', 'http://b/1']);
    expect(stale.p.forgotten).toBe(1);
    answer(file('http://a/1'));
    expect(opened).toEqual(['http://a/1']);
  });

  it('the whole file with a kept lookup: opened before Rucio answers; the answer confirms it', async () => {
    const { p, answer, opened } = plan(file('http://a/1'));
    const got = await openDownload(p);
    expect(opened).toEqual(['http://a/1']);
    expect(p.locate).toHaveBeenCalledTimes(1);
    answer(
      file('http://a/1', {
        sources: [...file('http://b/1').sources, ...file('http://a/1').sources],
      }),
    );
    await expect(got.confirmed).resolves.toBeUndefined();
    expect(p.remembered).toHaveLength(1);
  });

  it('when Rucio no longer lists the copy being read, then the confirmation is refused and the lookup dropped', async () => {
    const { p, answer } = plan(file('http://a/1'));
    const got = await openDownload(p);
    answer(file('http://b/1'));
    await expect(got.confirmed).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('no longer lists acada:/ctao/f.fits.fz at A') as string,
    });
    expect(p.forgotten).toBe(1);
  });

  it('when Rucio refuses before the storage answers, then that refusal is the answer and the copy is dropped', async () => {
    const { p, refuse } = plan(file('http://a/1'));
    const refusal = new AppError(401, 'unauthenticated', 'Rucio refused the token');
    refuse(refusal);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(openDownload(p)).rejects.toBe(refusal);
    expect(p.forgotten).toBe(1);
  });

  it('when the kept copy fails to open, then Rucio’s new answer is opened instead', async () => {
    const { p, answer, opened } = plan(file('http://gone/1'));
    answer(file('http://b/1'));
    const got = await openDownload(p);
    expect(opened).toEqual(['http://gone/1', 'http://b/1']);
    expect(got.file.sources[0]?.url).toBe('http://b/1');
    expect(got.confirmed).toBeUndefined();
  });

  it('a range outside the file is the caller’s: Rucio is not asked again', async () => {
    const { p } = plan(file('http://a/1'), 'bytes=9-');
    p.open = () => Promise.reject(new AppError(416, 'range_not_satisfiable', 'outside'));
    await expect(openDownload(p)).rejects.toMatchObject({ status: 416 });
    expect(p.locate).not.toHaveBeenCalled();
  });
});
