import { Modal, Stack, Text } from '@mantine/core';
import type { DidRef } from '@/lib/did-url.ts';
import { formatCount, plural } from '@/lib/format.ts';
import { GetDataPanel } from './get-data-panel.tsx';

/** The most DIDs one selection's script names (the contract's SCRIPT_SELECTION_MAX_DIDS). */
export const SCRIPT_MAX_DIDS = 1000;

export interface SelectionScriptsDialogProps {
  dids: readonly DidRef[];
  /** "3 selected DIDs", "all 250 results". */
  what: string;
  expectedFiles: number | null;
  onClose: () => void;
}

/**
 * Scripts and manifests for a search's selection or whole result (POST /api/scripts), with
 * progress; beyond the cap it says so instead of asking the BFF.
 */
export function SelectionScriptsDialog({
  dids,
  what,
  expectedFiles,
  onClose,
}: SelectionScriptsDialogProps) {
  const tooMany = dids.length > SCRIPT_MAX_DIDS;
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Scripts and manifests for ${what}`}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {tooMany ? (
        <Text size="sm" role="alert">
          {plural(dids.length, 'DID')} are more than the {formatCount(SCRIPT_MAX_DIDS)} a script
          takes. Narrow the search or select fewer rows; or add them to the basket and fetch the
          basket.
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            Every file below {plural(dids.length, 'DID')}, each once, as Rucio lists them now.
          </Text>
          <GetDataPanel
            scriptUrl={(format) => `/api/scripts?format=${format}`}
            scriptBody={{ dids: dids.map(({ scope, name }) => ({ scope, name })) }}
            expectedFiles={expectedFiles}
          />
        </Stack>
      )}
    </Modal>
  );
}
