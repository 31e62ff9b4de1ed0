import { describe, expect, it } from 'vitest';
import { parseRucioJson, streamNdjson } from '../src/ndjson.ts';

const streamOf = (...chunks: string[]): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk));
      c.close();
    },
  });

const collect = async (body: ReadableStream<Uint8Array>): Promise<unknown[]> => {
  const out: unknown[] = [];
  for await (const v of streamNdjson(body)) out.push(v);
  return out;
};

describe('parseRucioJson', () => {
  it('when a value is the bare literal Infinity, then it becomes the number Infinity', () => {
    expect(parseRucioJson('{"SITE_A": Infinity, "b": -Infinity, "c": NaN, "d": 1}')).toEqual({
      SITE_A: Number.POSITIVE_INFINITY,
      b: Number.NEGATIVE_INFINITY,
      c: Number.NaN,
      d: 1,
    });
  });

  it('when a string contains Infinity, then the string is left alone', () => {
    expect(parseRucioJson('{"name": "Infinity and \\"NaN\\"", "n": Infinity}')).toEqual({
      name: 'Infinity and "NaN"',
      n: Number.POSITIVE_INFINITY,
    });
  });

  it('when the text is ordinary JSON, then it parses as JSON.parse does', () => {
    expect(parseRucioJson('[1,"a",null,true]')).toEqual([1, 'a', null, true]);
  });
});

describe('streamNdjson', () => {
  it('when lines are split across chunks (even inside a UTF-8 character), then each line is yielded whole', async () => {
    const bytes = new TextEncoder().encode('{"a":"é"}\n{"b":2}\n');
    const chunks = [bytes.slice(0, 7), bytes.slice(7, 12), bytes.slice(12)];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(chunk);
        c.close();
      },
    });
    expect(await collect(body)).toEqual([{ a: 'é' }, { b: 2 }]);
  });

  it('when the last line has no newline and blank lines occur, then values still come out in order', async () => {
    expect(await collect(streamOf('1\n\n', '{"x": Infinity}\n', '"last"'))).toEqual([
      1,
      { x: Infinity },
      'last',
    ]);
  });

  it('when the body is empty (Rucio: no results), then nothing is yielded', async () => {
    expect(await collect(streamOf())).toEqual([]);
  });
});
