import { z } from 'zod';
import { DidName, ScopeName } from '../names.ts';
import { ReplicaSummary } from '../dids/schemas.ts';

/** How many DIDs a selection's replica map may name (as a rule request: the search's selection). */
export const SELECTION_MAX_DIDS = 100;

/** File replicas counted for the states, at most (Rucio lists them one line per file). */
export const REPLICA_STATES_MAX_FILES = 50_000;

export const ReplicaStates = z
  .object({
    files: z.number().int().describe('Files whose replicas were counted'),
    complete: z
      .boolean()
      .describe(
        `false: the DID has more than ${REPLICA_STATES_MAX_FILES} files and only the first ones Rucio listed were counted`,
      ),
    rses: z
      .array(
        z.object({
          rse: z.string(),
          states: z
            .record(z.string(), z.number().int())
            .describe(
              "File replicas on the RSE by Rucio's replica state: AVAILABLE, COPYING, UNAVAILABLE, TEMPORARY_UNAVAILABLE, BAD, BEING_DELETED",
            ),
        }),
      )
      .describe('Sorted by RSE name'),
    fetchedAt: z.string().describe('ISO 8601: when Rucio was asked'),
  })
  .meta({ id: 'ReplicaStates' });
export type ReplicaStates = z.infer<typeof ReplicaStates>;

export const SelectionInput = z
  .strictObject({
    dids: z
      .array(z.strictObject({ scope: ScopeName, name: DidName }))
      .min(1, { message: 'is empty: name at least one DID' })
      .max(SELECTION_MAX_DIDS, { message: `holds more than ${SELECTION_MAX_DIDS} DIDs` }),
  })
  .meta({ id: 'SelectionInput' });
export type SelectionInput = z.infer<typeof SelectionInput>;

export const SelectionReplicaSummary = ReplicaSummary.extend({
  selection: z
    .object({
      files: z.number().int().describe('Selected files'),
      datasets: z.number().int().describe('Selected datasets'),
      containers: z.number().int().describe('Selected containers'),
      datasetsSummed: z
        .number()
        .int()
        .describe('Datasets summed: those selected and those found below the selected containers'),
      partial: z
        .boolean()
        .describe('true: the containers hold more datasets than are summed; the first found are'),
      unknown: z
        .array(z.string())
        .describe('Selected DIDs Rucio does not know (scope:name), left out of the sums'),
    })
    .describe(
      'What the sums cover. A file selected together with a dataset that holds it is counted in both',
    ),
}).meta({ id: 'SelectionReplicaSummary' });
export type SelectionReplicaSummary = z.infer<typeof SelectionReplicaSummary>;
