import type { ApiResponse } from '@bdms/contract';
import { formatBytes, plural } from '@/lib/format.ts';

type Status = ApiResponse<'stagingStatus'>;

/** The badge for where the files are, when they are not all on disk. */
export const WHERE_LABEL: Record<Status['where'], string> = {
  disk: 'On disk',
  'tape-only': 'On tape only',
  partial: 'Partly on disk',
  none: 'No available copy',
};

/** One sentence on where the data is and what that means for downloading it. */
export function whereSentence(s: Status): string {
  const what = s.files === 1 ? 'This file' : `Its ${plural(s.files, 'file')}`;
  const size = s.bytes === null ? '' : ` (${formatBytes(s.bytes)})`;
  const tape = s.tapeRses.join(', ');
  if (s.where === 'tape-only')
    return `${what}${size} ${s.files === 1 ? 'is' : 'are'} only on tape (${tape}): request staging to copy ${s.files === 1 ? 'it' : 'them'} to disk (${s.stagingRse}) before downloading.`;
  if (s.where === 'partial')
    return `${plural(s.filesOnDisk, 'file')} of ${plural(s.files, 'file')} ${s.filesOnDisk === 1 ? 'is' : 'are'} on one disk; the rest ${tape ? `are on tape (${tape})` : 'have no available copy'}. Staging copies all of them to ${s.stagingRse}.`;
  return `No RSE holds an available copy of ${s.files === 1 ? 'this file' : 'its files'}: there is nothing to stage or download.`;
}

/** The progress of the newest staging rule, in words. */
export const PROGRESS_LABEL: Record<Status['progress'], string> = {
  on_disk: 'Ready: on disk',
  not_requested: 'Not requested',
  waiting_approval: 'Waiting for approval',
  replicating: 'Replicating',
  stuck: 'Stuck',
  cannot_stage: 'Cannot be staged',
};

export const PROGRESS_COLOR: Record<Status['progress'], string> = {
  on_disk: 'teal',
  not_requested: 'gray',
  waiting_approval: 'yellow',
  replicating: 'blue',
  stuck: 'red',
  cannot_stage: 'gray',
};
