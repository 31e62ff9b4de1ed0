import type { ApiResponse } from '@bdms/contract';

export type DidDetails = ApiResponse<'didInfo'>;
export type DidSummary = ApiResponse<'didParents'>;
/** A row of a collection's contents: a DidSummary with its file count. */
export type DidListingRow = ApiResponse<'didContents'>;
export type DidType = DidSummary['type'];
export type MetadataEntry = DidDetails['metadata'][number];

export const TYPE_LABEL: Record<DidType, string> = {
  CONTAINER: 'Container',
  DATASET: 'Dataset',
  FILE: 'File',
};
