import { stackUp } from '../../src/stack';

/**
 * Integration tests talk to the real services: bring the local stack up (idempotent, a no-op
 * when everything already answers and Postgres already runs with wal_level=logical).
 */
export default async function globalSetup(): Promise<void> {
  const started = await stackUp((line) => process.stderr.write(`[stack] ${line}\n`));
  if (started.length > 0)
    process.stderr.write(`[stack] started for the tests: ${started.join(', ')}\n`);
}
