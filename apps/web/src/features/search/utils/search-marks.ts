/*
 * User Timing marks of the running search, read by the benchmark in Chromium
 * (apps/devstack/src/bench/browser.ts): how long after the BFF's first byte the first rows are on
 * screen, and how long the whole stream takes. A mark costs microseconds and holds no data, so
 * they stay in production builds; each new search clears the previous search's marks.
 */

export const SEARCH_MARK = {
  /** The request of GET /api/search is sent. */
  start: 'bdms:search:start',
  /** The first body chunk arrived: the BFF's first byte as the page sees it. */
  firstByte: 'bdms:search:first-byte',
  /** The frame holding the first rows was painted. */
  firstRowsPainted: 'bdms:search:first-rows-painted',
  /** The trailer arrived: the result is complete. */
  end: 'bdms:search:end',
} as const;

const has = (name: string): boolean => performance.getEntriesByName(name, 'mark').length > 0;

export function markSearchStart(): void {
  for (const name of Object.values(SEARCH_MARK)) performance.clearMarks(name);
  performance.mark(SEARCH_MARK.start);
}

export function markSearchFirstByte(): void {
  if (!has(SEARCH_MARK.firstByte)) performance.mark(SEARCH_MARK.firstByte);
}

export function markSearchEnd(): void {
  performance.mark(SEARCH_MARK.end);
}

/** The body as it was, marking the arrival of its first chunk. */
export function markingFirstChunk(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  let first = true;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (first) {
          first = false;
          markSearchFirstByte();
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

/**
 * Called once the first rows of the running search are committed (from an effect). An effect
 * may run before or after the browser paints; a requestAnimationFrame callback runs just before
 * the next frame is drawn, and a task queued from it runs once that frame has been painted. So
 * the mark is never early and at most one frame (~16 ms) late. Returns the cleanup.
 */
export function markFirstRowsPainted(): () => void {
  const pending = () => has(SEARCH_MARK.firstByte) && !has(SEARCH_MARK.firstRowsPainted);
  if (!pending()) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (pending()) performance.mark(SEARCH_MARK.firstRowsPainted);
    }, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
