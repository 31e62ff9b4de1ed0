import { describe, expect, it } from 'vitest';
import { start } from '../../src/main.ts';
import { START_ENV } from './start-env.ts';

// Starting for real (port 0, migrations applied) needs PostgreSQL: see test/db/start.test.ts.
describe('start()', () => {
  it('when the environment is invalid, then it refuses to start with the list of problems', async () => {
    await expect(start({ PORT: 'x' })).rejects.toThrow(/PORT[^]*OIDC_ISSUER[^]*DATABASE_URL/);
  });

  it('when the database cannot be reached, then it refuses to start and names it, password hidden', async () => {
    const error = await start({
      ...START_ENV,
      DATABASE_URL: 'postgresql://portal:s3cret@127.0.0.1:9/bdms_portal',
    }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    const { message } = error as Error;
    expect(message).toMatch(
      /portal database postgresql:\/\/portal:\*\*\*@127\.0\.0\.1:9\/bdms_portal/,
    );
    expect(message).toMatch(/ECONNREFUSED/);
    expect(message).not.toContain('s3cret');
  });
});
