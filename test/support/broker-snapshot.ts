import { Kafka, logLevel } from 'kafkajs';
import { services } from './services';

/**
 * What the broker held before a test run, so the run can leave it as it found it. Test topics
 * carry unique names; without this they pile up across runs and a broker with thousands of
 * partitions on two cores slows every later run (group joins, metadata requests).
 */
export interface BrokerSnapshot {
  readonly topics: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
}

function admin() {
  return new Kafka({
    clientId: 'brook-test-housekeeping',
    brokers: [...services.kafkaBrokers],
    logLevel: logLevel.NOTHING,
  }).admin();
}

export async function snapshotBroker(): Promise<BrokerSnapshot> {
  const client = admin();
  await client.connect();
  try {
    const topics = new Set(await client.listTopics());
    const groups = new Set((await client.listGroups()).groups.map((g) => g.groupId));
    return { topics, groups };
  } finally {
    await client.disconnect();
  }
}

/** Deletes the topics and consumer groups the run created; returns how many topics went. */
export async function restoreBroker(before: BrokerSnapshot): Promise<number> {
  const client = admin();
  await client.connect();
  try {
    const topics = (await client.listTopics()).filter(
      (t) => !before.topics.has(t) && !t.startsWith('__'),
    );
    for (let i = 0; i < topics.length; i += 100)
      await client.deleteTopics({ topics: topics.slice(i, i + 100), timeout: 30_000 });
    const groups = (await client.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => !before.groups.has(g));
    // A group that still has members cannot be deleted; the broker expires it later.
    await client.deleteGroups(groups).catch(() => undefined);
    return topics.length;
  } finally {
    await client.disconnect();
  }
}
