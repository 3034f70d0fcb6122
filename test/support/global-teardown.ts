import { type BrokerSnapshot, restoreBroker } from './broker-snapshot';

/** Removes the topics and consumer groups the test run created (see broker-snapshot.ts). */
export default async function globalTeardown(): Promise<void> {
  const before = (globalThis as { brookBrokerSnapshot?: BrokerSnapshot }).brookBrokerSnapshot;
  if (!before) return;
  const removed = await restoreBroker(before).catch((e: unknown) => {
    process.stderr.write(`[stack] could not remove the run's topics: ${String(e)}\n`);
    return 0;
  });
  process.stderr.write(`[stack] removed ${removed} topics the tests created\n`);
}
