/**
 * Records the REAL devstack Rucio's answers to a metadata search and to bulk metadata into
 * test/fixtures/recorded/search-*.json (replayed by test/did-search.test.ts and the BFF's unit
 * tests). Run with the devstack up:
 *   pnpm --filter @bdms/rucio-client exec tsx scripts/record-search-fixtures.ts
 * Kept apart from record-fixtures.ts so re-recording the search does not touch the DID page's
 * recordings. The root token is replaced by "<token>".
 */
import { recordStream, rootToken } from './stream-recorder.ts';

const search = (scope: string, params: Record<string, string>): string =>
  `/dids/${encodeURIComponent(scope)}/dids/search?${new URLSearchParams(params).toString()}`;

async function main(): Promise<void> {
  const token = await rootToken();
  // The Crab's pointings on one night, the array's own files (a set small enough to take whole, whatever
  // order Rucio answers in: two observations with two pointings): a JSON-plugin filter with
  // numbers, as the BFF sends it.
  const filters =
    "[{'target_name': 'Crab', 'observing_night': '2025-02-03', 'obs_id.lte': 2000000002, 'array_element': 'ARRAY'}]";
  const names = await recordStream(
    'search-names',
    search('acada', { type: 'file', long: 'false', limit: '6', filters }),
    token,
  );
  await recordStream(
    'search-long',
    search('acada', { type: 'file', long: 'true', limit: '3', filters }),
    token,
  );
  // A DID column and a JSON key in one search: Rucio 41 answers 500 InvalidMetadata (rucio#8538).
  await recordStream(
    'search-plugin-mix',
    search('acada', { type: 'all', long: 'false', filters: "[{'length.gt': 1, 'site': 'x'}]" }),
    token,
  );
  await recordStream(
    'search-unknown-scope',
    search('no-such-scope', { type: 'all', long: 'false', filters: '[{}]' }),
    token,
  );
  const found = names.response.body
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => ({ scope: 'acada', name: JSON.parse(l) as string }));
  const dataset = found[0]?.name.replace(/\/[^/]+$/, '');
  if (!dataset) throw new Error('the search found nothing: seed the devstack first');
  // The same DIDs under each plugin: the search asks for its first batches' metadata as the
  // DID_COLUMN and JSON pair, the rest as ALL.
  const dids = [
    ...found,
    { scope: 'acada', name: dataset },
    { scope: 'acada', name: '/ctao/nope' },
  ];
  for (const [recording, plugin] of [
    ['search-bulkmeta-all', 'ALL'],
    ['search-bulkmeta-column', 'DID_COLUMN'],
    ['search-bulkmeta-json', 'JSON'],
  ] as const)
    await recordStream(recording, '/dids/bulkmeta', token, { dids, inherit: false, plugin });
}

await main();
