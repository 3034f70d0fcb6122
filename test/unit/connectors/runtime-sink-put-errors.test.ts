import pino from 'pino';
import {
  configDef,
  DataError,
  defaultPlugins,
  mergeRegistries,
  pluginRegistry,
  tolerancePolicy,
  Worker,
  workerConfig,
  type ErrorPolicyFactory,
  type SinkConnectorPlugin,
} from '../../../connectors';
import { MemoryKafka } from './support/memory-kafka';

/** A sink whose put refuses, all or nothing, any batch holding a value with `bad: true`. */
function pickySink(written: string[], puts: number[]): SinkConnectorPlugin {
  return {
    kind: 'sink',
    className: 'test.PickySinkConnector',
    version: '1',
    configDef: configDef([]),
    createConnector: () => {
      let props = {};
      return {
        start: (p) => Promise.resolve(void (props = p)),
        taskConfigs: () => Promise.resolve([{ ...props }]),
        stop: () => Promise.resolve(),
      };
    },
    createTask: () => ({
      start: () => Promise.resolve(),
      put: (records) => {
        puts.push(records.length);
        const bad = records.find((r) => (r.value as { bad?: boolean }).bad === true);
        if (bad !== undefined)
          return Promise.reject(
            new DataError(`row ${String(bad.kafkaOffset)} violates a constraint`),
          );
        for (const r of records) written.push(JSON.stringify(r.value));
        return Promise.resolve();
      },
      flush: () => Promise.resolve(),
      stop: () => Promise.resolve(),
    }),
  };
}

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function setUp(reported: string[], written: string[], puts: number[]) {
  const recording: ErrorPolicyFactory = (connector, props, deps) => {
    const inner = tolerancePolicy(connector, props, deps);
    return {
      ...inner,
      execute: (failed, operation) =>
        inner
          .execute(failed, operation)
          .catch((error: unknown) => {
            throw error;
          })
          .then((result) => {
            if (result === undefined)
              reported.push(`${failed.stage}@${String(failed.origin?.offset)}`);
            return result;
          }),
    };
  };
  const kafka = new MemoryKafka();
  const w = new Worker({
    errorPolicy: recording,
    kafka,
    plugins: mergeRegistries(
      defaultPlugins(),
      pluginRegistry({ connectors: [pickySink(written, puts)] }),
    ),
    config: workerConfig({
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
    }),
    logger: pino({ level: 'silent' }),
    onEvent: () => undefined,
  });
  await w.start();
  await kafka.ensureTopics([{ topic: 'rows' }]);
  const producer = await kafka.createProducer();
  await producer.send(
    [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
      topic: 'rows',
      key: null,
      value: Buffer.from(JSON.stringify(n === 3 || n === 7 ? { n, bad: true } : { n })),
    })),
  );
  return { kafka, w };
}

describe('sink put failures', () => {
  it('under errors.tolerance=all isolates the records put refuses, reports them at TASK_PUT and writes the rest in order', async () => {
    const reported: string[] = [];
    const written: string[] = [];
    const puts: number[] = [];
    const { kafka, w } = await setUp(reported, written, puts);
    await w.putConnector(
      'tolerant',
      { 'connector.class': 'test.PickySinkConnector', topics: 'rows', 'errors.tolerance': 'all' },
      false,
    );
    await until('commit', () => kafka.groups.get('connect-tolerant')?.get('rows') === 8n);
    expect(written).toEqual([1, 2, 4, 5, 6, 8].map((n) => JSON.stringify({ n })));
    expect(reported).toEqual(['TASK_PUT@2', 'TASK_PUT@6']);
    // Halving, not record by record: 8 -> 4 (1..4) -> 2 (1,2 written) + 2 (3,4) -> 1 + 1, then
    // 4 (5..8) -> 2 (5,6 written) + 2 (7,8) -> 1 + 1.
    expect(puts).toEqual([8, 4, 2, 2, 1, 1, 4, 2, 2, 1, 1]);
    expect(w.status('tolerant').tasks[0]?.state).toBe('RUNNING');
    await w.stop();
  });

  it('under errors.tolerance=none fails the task with the cause and commits nothing', async () => {
    const { kafka, w } = await setUp([], [], []);
    await w.putConnector(
      'strict',
      { 'connector.class': 'test.PickySinkConnector', topics: 'rows' },
      false,
    );
    await until('FAILED', () => w.status('strict').tasks[0]?.state === 'FAILED');
    expect(w.status('strict').tasks[0]?.trace).toContain('DataError: row 2 violates a constraint');
    expect(kafka.groups.get('connect-strict')?.get('rows')).toBeUndefined();
    await w.stop();
  });
});
