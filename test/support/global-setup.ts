import { stackUp } from '../../src/stack';
import { snapshotBroker } from './broker-snapshot';

/**
 * Integration tests talk to the real services: bring the local stack up (idempotent, a no-op
 * when everything already answers and Postgres already runs with wal_level=logical), then note
 * what the broker holds so the teardown can remove what the run created.
 */
export default async function globalSetup(): Promise<void> {
  const started = await stackUp((line) => process.stderr.write(`[stack] ${line}\n`));
  if (started.length > 0)
    process.stderr.write(`[stack] started for the tests: ${started.join(', ')}\n`);
  (globalThis as { brookBrokerSnapshot?: unknown }).brookBrokerSnapshot = await snapshotBroker();
}
