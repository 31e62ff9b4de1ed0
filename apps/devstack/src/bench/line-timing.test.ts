import { describe, expect, it } from 'vitest';
import { textLines } from './line-timing.ts';

const streamOf = (chunks: Uint8Array[]): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });

describe('textLines', () => {
  it('when lines and multi-byte characters are cut across chunks, then whole lines come out', async () => {
    const bytes = new TextEncoder().encode('{"a":"é"}\n\n"b"\n{"c":"ü"}');
    // Cut inside "é" (2 bytes) and inside the second line.
    const chunks = [bytes.slice(0, 7), bytes.slice(7, 13), bytes.slice(13)];
    let seen = 0;
    const lines: string[] = [];
    for await (const line of textLines(streamOf(chunks), (n) => (seen += n))) lines.push(line);
    expect(lines).toEqual(['{"a":"é"}', '"b"', '{"c":"ü"}']);
    expect(seen).toBe(bytes.byteLength);
  });
});
