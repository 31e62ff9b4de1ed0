import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconFileZip, IconScript } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { DownloadProgressView } from './download-progress.tsx';
import { fileLine, isScriptFormat, SCRIPT_FORMATS, type ScriptFormat } from './script-formats.ts';
import { useStreamDownload } from './use-stream-download.ts';

/** Larger ZIPs go to the browser's own downloads (its progress), not held in the page. */
export const IN_PAGE_MAX_BYTES = 2 * 1000 ** 3;

export interface GetDataPanelProps {
  /** The script's URL for a format (`?format=` on the BFF's route). */
  scriptUrl: (format: ScriptFormat) => string;
  /** A POST body for the script (a selection's DIDs); GET without. */
  scriptBody?: unknown;
  /** The ZIP's URL, when a bundle is offered. */
  bundleUrl?: string | undefined;
  /** How many files to expect (for the scripts' progress), when known. */
  expectedFiles: number | null;
}

/**
 * A script or manifest in any format, and a ZIP where offered, each fetched with progress (bytes
 * and, for scripts, files listed so far) and a Cancel; the browser saves the result.
 */
export function GetDataPanel({
  scriptUrl,
  scriptBody,
  bundleUrl,
  expectedFiles,
}: GetDataPanelProps) {
  const [format, setFormat] = useState<ScriptFormat>('curl');
  const download = useStreamDownload();
  const running = download.state.phase === 'running';
  const hintId = useId();
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          size="xs"
          label="Script or manifest"
          data={SCRIPT_FORMATS.map((f) => ({ value: f.value, label: f.label }))}
          value={format}
          onChange={(e) => {
            if (isScriptFormat(e.currentTarget.value)) setFormat(e.currentTarget.value);
          }}
          aria-describedby={hintId}
        />
        <Button
          size="xs"
          leftSection={<IconScript size={14} aria-hidden />}
          disabled={running}
          onClick={() => {
            download.start({
              what: 'Script',
              url: scriptUrl(format),
              body: scriptBody,
              countFiles: fileLine(format),
            });
          }}
        >
          Download script
        </Button>
        {bundleUrl && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconFileZip size={14} aria-hidden />}
            disabled={running}
            onClick={() => {
              download.start({ what: 'ZIP', url: bundleUrl, inPageMax: IN_PAGE_MAX_BYTES });
            }}
          >
            Download as ZIP
          </Button>
        )}
      </Group>
      <Text id={hintId} size="xs" c="dimmed">
        curl and wget scripts fetch through signed links (valid 24 hours, revocable in your links)
        and check every file against Rucio&apos;s checksum. The rucio script needs the Rucio client
        and a token of your own for Rucio and the storage: its comments say how.
      </Text>
      <DownloadProgressView
        state={download.state}
        expectedFiles={expectedFiles}
        onCancel={download.cancel}
      />
    </Stack>
  );
}
