import { compileStatement } from '../../../sql';
import { createSerdeFactory } from '../../../topology';
import { BrookEngine } from '../../../src/engine/core/brook-engine';
import type { KsqlEntity, StatementContext } from '../../../src/engine/engine-port';
import type { EngineOptions } from '../../../src/engine/core/engine-options';
import {
  InMemoryCommandLog,
  InMemoryConnect,
  InMemorySchemaRegistry,
  InMemoryTopics,
  RecordingQueryRuntime,
} from '../../../src/engine/memory';

/** The in-memory world one or more engines share: as a broker, registry and Connect would be. */
export interface World {
  readonly log: InMemoryCommandLog;
  readonly topics: InMemoryTopics;
  readonly registry: InMemorySchemaRegistry;
  readonly connect: InMemoryConnect;
}

export function world(): World {
  return {
    log: new InMemoryCommandLog(),
    topics: new InMemoryTopics(() => 1_600_000_000_000),
    registry: new InMemorySchemaRegistry(),
    connect: new InMemoryConnect(),
  };
}

export interface TestEngine {
  readonly engine: BrookEngine;
  readonly runtime: RecordingQueryRuntime;
  readonly run: (ksql: string, context?: Partial<StatementContext>) => Promise<readonly KsqlEntity[]>;
}

/** An engine over the world's ports, started. */
export async function startEngine(w: World, instanceId = 'engine-1', serviceId = 'default_', extra: Partial<EngineOptions> = {}): Promise<TestEngine> {
  const runtime = new RecordingQueryRuntime();
  const engine = new BrookEngine(
    {
      serviceId,
      instanceId,
      commandLog: w.log,
      topics: w.topics,
      records: w.topics,
      registry: w.registry,
      runtime,
      serdes: createSerdeFactory({ schemaRegistry: w.registry }),
      connect: w.connect,
      clock: { now: () => 1_600_000_000_000 },
      readScript: (path) => Promise.resolve(path === 'setup.sql' ? "CREATE STREAM FROM_SCRIPT (A INT) WITH (KAFKA_TOPIC='fs', VALUE_FORMAT='JSON', PARTITIONS=1);" : ''),
      ...extra,
    },
    compileStatement,
  );
  await engine.start();
  return {
    engine,
    runtime,
    run: (ksql, context = {}) => engine.execute(ksql, { streamsProperties: {}, sessionVariables: {}, ...context }),
  };
}

export function entityOf<T extends KsqlEntity['@type']>(entities: readonly KsqlEntity[], type: T): Extract<KsqlEntity, { '@type': T }> {
  const found = entities.find((e) => e['@type'] === type);
  if (!found) throw new Error(`no ${type} entity in ${JSON.stringify(entities.map((e) => e['@type']))}`);
  return found as Extract<KsqlEntity, { '@type': T }>;
}

export async function collect<T>(iterable: AsyncIterable<T>, max = 100): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) {
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}
