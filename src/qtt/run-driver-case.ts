import { compileStatement } from '../../sql';
import { createSerdeFactory, TopologyTestDriver, type SerdeFactory } from '../../topology';
import type { TopologySpec } from '../../topology/spec';
import { BrookEngine } from '../engine/core/brook-engine';
import { InMemoryCommandLog, InMemorySchemaRegistry, InMemoryTopics } from '../engine/memory';
import { type CaseResult, failed, passed } from './case-result';
import type { CaseScope } from './case-scope';
import { knownTopics } from './case-topics';
import { checkPost } from './check-post';
import { compareOutputs, executeStatements } from './case-checks';
import { DriverQueryRuntime } from './driver-query-runtime';
import { serializeInput } from './input-bytes';
import type { StoredRecord } from './output-records';
import type { QttCase, QttRecord } from './qtt-case';
import { registerCaseSchemas } from './register-schemas';
import { expectedRejection } from './statements';

/** QTT's service id: it shows in the internal topic names the cases mention. */
export const QTT_SERVICE_ID = 'some.ksql.service.id';

type RunScope = Extract<CaseScope, { kind: 'run' }>;

/**
 * Runs one case as ksqlDB's QTT harness does (README section 1): the statements in order on an
 * engine over in-memory ports, then each persistent query in statement order on its own
 * TopologyTestDriver over every input of its source topics, record by record, then whatever
 * earlier queries and INSERT VALUES wrote to those topics; then outputs and post-conditions.
 */
export async function runDriverCase(c: QttCase, scope: RunScope): Promise<CaseResult> {
  const topics = new InMemoryTopics(() => 0);
  const registry = new InMemorySchemaRegistry();
  const serdes = createSerdeFactory({ schemaRegistry: registry });
  const runtime = new DriverQueryRuntime();
  for (const t of knownTopics(c))
    await topics.createTopic({ name: t.name, partitions: t.partitions });
  await registerCaseSchemas(c, registry);
  const engine = new BrookEngine(
    {
      serviceId: QTT_SERVICE_ID,
      instanceId: 'qtt',
      commandLog: new InMemoryCommandLog(),
      topics,
      records: topics,
      registry,
      runtime,
      serdes,
      clock: { now: () => 0 },
      properties: scope.engineProperties,
      processingLog: false,
    },
    compileStatement,
  );
  await engine.start();
  try {
    const outcome = await executeStatements(engine, c);
    if (outcome.kind === 'rejected') return expectedRejection(c, outcome);
    const written = new Map<string, StoredRecord[]>();
    const runtimeErrors: string[] = [];
    for (const spec of runtime.running()) {
      runtimeErrors.push(...(await driveQuery(spec, c.inputs, topics, written, serdes)));
    }
    if (c.expectedException) {
      return runtimeErrors.length > 0
        ? passed(c.file, c.name, `failed at run time as expected: ${runtimeErrors[0]}`)
        : failed(
            c.file,
            c.name,
            'not rejected',
            `every statement was accepted and the inputs processed without error; expected ${c.expectedException.type ?? ''} ${c.expectedException.message ?? ''}`.trim(),
          );
    }
    const stored = (topic: string): StoredRecord[] => [
      ...topics.records(topic).map(fromTopic),
      ...(written.get(topic) ?? []),
    ];
    const queries = runtime.started.map((q) => q.spec);
    const mismatch = await compareOutputs(
      c,
      (topic) => Promise.resolve(stored(topic)),
      queries,
      engine.metastore.listSources(),
      { serdes, registry },
      scope.exactNumbers,
    );
    if (mismatch !== null) return mismatch;
    const post = await checkPost(c.post, {
      source: (name) => engine.metastore.getSource(name),
      partitions: async (topic) => (await topics.describeTopic(topic))?.partitions,
      queries,
    });
    return post === null ? passed(c.file, c.name) : failed(c.file, c.name, 'post-condition', post);
  } catch (error) {
    return failed(c.file, c.name, 'error', error instanceof Error ? error.message : String(error));
  } finally {
    await engine.close();
  }
}

/** Drives one query; returns the run-time errors its processing log recorded. */
async function driveQuery(
  spec: TopologySpec,
  inputs: readonly QttRecord[],
  topics: InMemoryTopics,
  written: Map<string, StoredRecord[]>,
  serdes: SerdeFactory,
): Promise<string[]> {
  const driver = await TopologyTestDriver.create(spec, { serdes });
  try {
    const sourceTopics = [...new Set(spec.sources.map((s) => s.topic))];
    for (const input of inputs) {
      const source = spec.sources.find((s) => s.topic === input.topic);
      if (!source) continue;
      const bytes = await serializeInput(input, source, input.topic, serdes);
      await driver.pipeBytes(input.topic, {
        ...bytes,
        timestamp: input.timestamp ?? 0,
        headers: (input.headers ?? []).map((h) => ({
          key: h.KEY,
          value: h.VALUE === null ? null : Buffer.from(h.VALUE, 'base64'),
        })),
      });
    }
    for (const topic of sourceTopics) {
      const replay = [...topics.records(topic).map(fromTopic), ...(written.get(topic) ?? [])];
      for (const r of replay) await driver.pipeBytes(topic, r);
    }
    const out = written.get(spec.sink.topic) ?? [];
    written.set(spec.sink.topic, out);
    for (const r of driver.records(spec.sink.topic))
      out.push({ key: r.key, value: r.value, timestamp: r.timestamp, headers: r.headers });
    return driver.processingLog
      .filter(
        (e) =>
          e.kind === 'SERIALIZATION_ERROR' ||
          e.kind === 'EXPRESSION_ERROR' ||
          e.kind === 'INVALID_TIMESTAMP' ||
          e.kind === 'DESERIALIZATION_ERROR',
      )
      .map((e) => `${e.kind}: ${e.message}`);
  } finally {
    await driver.close();
  }
}

function fromTopic(r: {
  key: Buffer | null;
  value: Buffer | null;
  timestamp: number;
  headers: Readonly<Record<string, Buffer>>;
}): StoredRecord {
  return {
    key: r.key,
    value: r.value,
    timestamp: r.timestamp,
    headers: Object.entries(r.headers).map(([key, value]) => ({ key, value })),
  };
}
