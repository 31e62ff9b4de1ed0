import type { ApiResponse } from '@bdms/contract';

export type DidDetails = ApiResponse<'didInfo'>;
export type DidSummary = ApiResponse<'didContents'>;
export type DidType = DidSummary['type'];
export type MetadataEntry = DidDetails['metadata'][number];

export const TYPE_LABEL: Record<DidType, string> = {
  CONTAINER: 'Container',
  DATASET: 'Dataset',
  FILE: 'File',
};
