import { useEffect, useRef, useState } from 'react';
import {
  streamDownload,
  type DownloadProgress,
  type StreamDownloadOptions,
} from '@/lib/stream-download.ts';

export type DownloadState =
  | { phase: 'idle' }
  | { phase: 'running'; what: string; progress: DownloadProgress | null }
  | { phase: 'done'; what: string; saved: string | null }
  | { phase: 'cancelled'; what: string }
  | { phase: 'failed'; what: string; message: string };

type Start = Omit<StreamDownloadOptions, 'signal' | 'onProgress'> & { what: string };

/** One streamed download at a time, its progress, and a way to cancel it (also on unmount). */
export function useStreamDownload() {
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = ({ what, ...options }: Start) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'running', what, progress: null });
    streamDownload({
      ...options,
      signal: abort.signal,
      onProgress: (progress) => {
        if (!abort.signal.aborted) setState({ phase: 'running', what, progress });
      },
    }).then(
      (outcome) => {
        if (!abort.signal.aborted)
          setState({ phase: 'done', what, saved: 'saved' in outcome ? outcome.saved : null });
      },
      (error: unknown) => {
        setState(
          abort.signal.aborted
            ? { phase: 'cancelled', what }
            : {
                phase: 'failed',
                what,
                message: error instanceof Error ? error.message : String(error),
              },
        );
      },
    );
  };
  const cancel = () => {
    controller.current?.abort();
  };
  return { state, start, cancel };
}
