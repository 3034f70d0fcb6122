import { compileStatement } from '../../sql';
import type { TopologySpec } from '../../topology/spec';
import { createSerdeFactory, InMemoryBackendFactory, type KafkaClientPort } from '../../topology';
import { HttpEngineSchemaRegistry } from '../engine/adapters/http-schema-registry';
import { KafkaRecords } from '../engine/adapters/kafka-records';
import { KafkaTopicAdmin } from '../engine/adapters/kafka-topic-admin';
import { RunnerQueryRuntime } from '../engine/adapters/runner-query-runtime';
import { prefixedTopicNames } from '../engine/adapters/topic-name-mapper';
import { BrookEngine } from '../engine/core/brook-engine';
import { InMemoryCommandLog, InMemorySchemaRegistry } from '../engine/memory';
import { silentEngineLogger, type SchemaRegistryPort } from '../engine/ports';
import { compareOutputs, executeStatements } from './case-checks';
import { type CaseResult, failed, passed } from './case-result';
import { knownTopics } from './case-topics';
import { checkPost } from './check-post';
import { produceInputs, readTopic, waitForQuiescence } from './broker-io';
import type { QttCase } from './qtt-case';
import { pinsSchemaIds, registerCaseSchemas } from './register-schemas';
import { expectedRejection } from './statements';

export interface BrokerCaseOptions {
  readonly kafka: KafkaClientPort;
  readonly registryUrl: string;
  /** Unique to this run and case: every physical topic, group and subject starts with it. */
  readonly prefix: string;
  /** How long to wait for the queries to go quiet once the inputs are produced. */
  readonly quiescenceTimeoutMs?: number;
}

/**
 * Runs one case on the real broker (README section 7): the same statements on an engine whose
 * topics are Kafka topics under a per-case prefix, queries as consumer groups (service id per
 * case), inputs produced in file order to partition 0, then outputs read back once every query
 * has gone quiet. Query state stays in process memory (the broker path is what this mode
 * measures). Cases that pin schema ids use the in-memory registry, since Apicurio cannot pin.
 */
export async function runBrokerCase(
  c: QttCase,
  engineProperties: Readonly<Record<string, string>>,
  exactNumbers: boolean,
  options: BrokerCaseOptions,
): Promise<CaseResult> {
  const names = prefixedTopicNames(options.prefix);
  const pinned = pinsSchemaIds(c) ? new InMemorySchemaRegistry() : undefined;
  const registry: SchemaRegistryPort = pinned ?? new HttpEngineSchemaRegistry(options.registryUrl);
  const serdes = createSerdeFactory({ schemaRegistry: registry });
  const topics = new KafkaTopicAdmin(options.kafka.admin(), names);
  const records = new KafkaRecords(options.kafka, `_qtt-${options.prefix}`, names);
  const serviceId = `qtt_${options.prefix}`;
  const runtime = new RunnerQueryRuntime({
    serviceId,
    kafka: options.kafka,
    backends: new InMemoryBackendFactory(),
    serdes,
    deleteState: () => Promise.resolve(),
    logger: silentEngineLogger,
    topicNames: names,
    properties: { 'commit.interval.ms': '100', 'cache.max.bytes.buffering': '0' },
  });
  for (const t of knownTopics(c))
    await topics.createTopic({ name: t.name, partitions: t.declared ? t.partitions : 1 });
  await registerCaseSchemas(c, pinned ?? registry, (t) => names.toPhysical(t));
  const engine = new BrookEngine(
    {
      serviceId,
      instanceId: 'qtt',
      commandLog: new InMemoryCommandLog(),
      topics,
      records,
      registry,
      runtime,
      serdes,
      topicNames: names,
      properties: { ...engineProperties, 'auto.offset.reset': 'earliest' },
      processingLog: false,
    },
    compileStatement,
  );
  await engine.start();
  try {
    const outcome = await executeStatements(engine, c);
    if (outcome.kind === 'rejected') return expectedRejection(c, outcome);
    const queries = engine.metastore.listQueries();
    const specs = queries.map((q) => q.spec);
    const sources = engine.metastore.listSources();
    const timeoutMs = options.quiescenceTimeoutMs ?? 30_000;
    // Joins see their sides in file order only if each record is fully processed before the
    // next is produced (the TopologyTestDriver's one-record-at-a-time behaviour).
    const batches = lockStep(specs) ? c.inputs.map((input) => [input]) : [c.inputs];
    for (const batch of batches) {
      await produceInputs(batch, sources, specs, records, names, serdes);
      await waitForQuiescence(queries, topics, timeoutMs);
    }
    if (batches.length === 0) await waitForQuiescence(queries, topics, timeoutMs);
    if (c.expectedException) {
      const errors = (
        await Promise.all(queries.map(async (q) => (await q.run?.metrics())?.errors ?? 0))
      ).reduce((a, b) => a + b, 0);
      return errors > 0
        ? passed(c.file, c.name, `failed at run time as expected (${errors} processing errors)`)
        : failed(
            c.file,
            c.name,
            'not rejected',
            'every statement was accepted and the inputs processed without error',
          );
    }
    const mismatch = await compareOutputs(
      c,
      (topic) => readTopic(topic, records, topics, `${options.prefix}out-${topic}`),
      specs,
      engine.metastore.listSources(),
      { serdes, registry },
      exactNumbers,
    );
    if (mismatch !== null) return mismatch;
    const post = await checkPost(c.post, {
      source: (name) => engine.metastore.getSource(name),
      partitions: async (topic) => (await topics.describeTopic(topic))?.partitions,
      queries: specs,
    });
    return post === null ? passed(c.file, c.name) : failed(c.file, c.name, 'post-condition', post);
  } finally {
    for (const q of engine.metastore.listQueries())
      await q.run?.stop({ cleanUp: true }).catch(() => undefined);
    await engine.close();
    await records.close();
  }
}

/** Lock-step for queries that read several topics (joins) or repartition; batch otherwise. */
function lockStep(specs: readonly TopologySpec[]): boolean {
  return specs.some(
    (s) =>
      new Set(s.sources.map((x) => x.topic)).size > 1 ||
      s.internalTopics.some((t) => t.role === 'repartition'),
  );
}
