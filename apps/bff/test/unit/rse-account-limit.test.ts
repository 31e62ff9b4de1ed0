import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RseAccountUsageDto } from '@bdms/rucio-client';
import { toAccountLimit } from '../../src/rses/rse-records.ts';

/** Two RSEs' `/rses/<rse>/accounts/usage` answers, recorded from the real Rucio 41. */
const recorded = JSON.parse(
  readFileSync(new URL('../fixtures/quotas-recorded.json', import.meta.url), 'utf8'),
) as { answers: Record<string, { body: string }> };

function usageLines(): RseAccountUsageDto[] {
  return Object.entries(recorded.answers)
    .filter(([path]) => path.endsWith('/accounts/usage'))
    .flatMap(([, answer]) => answer.body.split('\n').filter(Boolean))
    .map((line) => RseAccountUsageDto.parse(JSON.parse(line)));
}

describe('toAccountLimit (an RSE page’s account limits)', () => {
  it('reads the -1 this listing stores for an unlimited limit as unlimited, not as a byte count', () => {
    const line = usageLines().find((l) => l.quota_bytes === -1);
    expect(line, 'the recording holds an unlimited limit').toBeDefined();
    expect(toAccountLimit(line!)).toMatchObject({ unlimited: true, limitBytes: null });
  });

  it('keeps a byte limit, and no limit as none', () => {
    const lines = usageLines();
    const limited = lines.find((l) => typeof l.quota_bytes === 'number' && l.quota_bytes > 0)!;
    expect(toAccountLimit(limited)).toMatchObject({
      unlimited: false,
      limitBytes: limited.quota_bytes,
    });
    const none = lines.find((l) => l.quota_bytes === null)!;
    expect(toAccountLimit(none)).toMatchObject({ unlimited: false, limitBytes: null });
  });
});
