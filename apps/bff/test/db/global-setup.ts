import { dropStaleScratchSchemas, testDatabaseProblem } from './scratch-db.ts';

/** Say exactly what is missing instead of failing every test with a connection error. */
export default async function setup(): Promise<void> {
  const problem = await testDatabaseProblem();
  if (problem) throw new Error(`database tests need PostgreSQL:\n  ${problem}`);
  await dropStaleScratchSchemas();
}
