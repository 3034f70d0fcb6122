import pino from 'pino';
import {
  configDef,
  defaultPlugins,
  mergeRegistries,
  pluginRegistry,
  tolerancePolicy,
  Worker,
  workerConfig,
  type ErrorPolicyFactory,
  type LifecycleEvent,
  type Props,
  type SinkConnectorPlugin,
} from '../../../connectors';
import { counterSourcePlugin, type CounterJournal } from './support/counter-source';
import { MemoryKafka } from './support/memory-kafka';

const props = {
  'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
  'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
  'value.converter.schemas.enable': 'false',
};

function recordingSink(journal: CounterJournal): SinkConnectorPlugin {
  let props: Props = {};
  return {
    kind: 'sink',
    className: 'test.RecordingSinkConnector',
    version: '1',
    configDef: configDef([]),
    createConnector: () => ({
      start: (p: Props) => Promise.resolve(void (props = p)),
      taskConfigs: () => Promise.resolve([{ ...props }]),
      stop: () => Promise.resolve(),
    }),
    createTask: () => ({
      start: () => Promise.resolve(),
      put: (records) =>
        Promise.resolve(
          void journal.events.push(`put ${records.map((r) => JSON.stringify(r.value)).join(' ')}`),
        ),
      flush: (offsets) =>
        Promise.resolve(
          void journal.events.push(`flush ${[...offsets].map(([k, v]) => `${k}=${v}`).join(',')}`),
        ),
      stop: () => Promise.resolve(),
    }),
  };
}

function worker(
  kafka: MemoryKafka,
  journal: CounterJournal,
  events: LifecycleEvent[] = [],
  errorPolicy: ErrorPolicyFactory = tolerancePolicy,
): Worker {
  return new Worker({
    errorPolicy,
    kafka,
    plugins: mergeRegistries(
      defaultPlugins(),
      pluginRegistry({ connectors: [counterSourcePlugin(journal), recordingSink(journal)] }),
    ),
    config: workerConfig(props),
    logger: pino({ level: 'silent' }),
    onEvent: (e) => events.push(e),
  });
}

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('Worker with an in-memory Kafka', () => {
  it('calls commitRecord only after Kafka acknowledged the record, then stores the offset, then commit', async () => {
    const kafka = new MemoryKafka();
    const journal: CounterJournal = { events: [] };
    const w = worker(kafka, journal);
    await w.start();
    kafka.holdAcks('numbers');
    await w.putConnector(
      'counter',
      { 'connector.class': 'CounterSource', limit: 1, topic: 'numbers' },
      false,
    );
    await until('poll', () => journal.events.includes('poll 1'));
    expect(journal.events.some((e) => e.startsWith('commitRecord'))).toBe(false);
    kafka.releaseAcks();
    await until('commit', () => journal.events.includes('commit'));
    expect(journal.events).toEqual(['start@1', 'poll 1', 'commitRecord 1@0', 'commit']);
    expect(kafka.values('numbers')).toEqual(['{"n":1}']);
    expect(kafka.values('connect-offsets')).toEqual(['{"n":1}']);
    await w.stop();
  });

  it('produces the next poll while the previous offsets are being stored, keeping commitRecord, offsets and commit in poll order', async () => {
    const kafka = new MemoryKafka();
    const journal: CounterJournal = { events: [] };
    const w = worker(kafka, journal);
    await w.start();
    kafka.holdAcks('connect-offsets');
    await w.putConnector(
      'counter',
      { 'connector.class': 'CounterSource', limit: 2, topic: 'numbers' },
      false,
    );
    await until('poll 2 produced', () => kafka.values('numbers').length === 2);
    expect(kafka.values('connect-offsets')).toEqual([]);
    await until('commitRecord 1', () => journal.events.includes('commitRecord 1@0'));
    expect(journal.events).toContain('poll 2');
    expect(journal.events).not.toContain('commit');
    expect(journal.events).not.toContain('commitRecord 2@1');
    kafka.releaseAcks();
    await until('both commits', () => journal.events.filter((e) => e === 'commit').length === 2);
    expect(journal.events.filter((e) => !e.startsWith('poll'))).toEqual([
      'start@1',
      'commitRecord 1@0',
      'commit',
      'commitRecord 2@1',
      'commit',
    ]);
    expect(kafka.values('connect-offsets')).toEqual(['{"n":1}', '{"n":2}']);
    await w.stop();
  });

  it('a new worker on the same topics reloads the connector and resumes after the stored offset', async () => {
    const kafka = new MemoryKafka();
    const first: CounterJournal = { events: [] };
    const w1 = worker(kafka, first);
    await w1.start();
    await w1.putConnector(
      'counter',
      { 'connector.class': 'test.CounterSourceConnector', limit: 3 },
      false,
    );
    await until('3 records', () => kafka.values('counter').length === 3);
    await w1.stop();

    const second: CounterJournal = { events: [] };
    const w2 = worker(kafka, second);
    await w2.start();
    expect(w2.connectorNames()).toEqual(['counter']);
    await until('task start', () => second.events.includes('start@4'));
    await w2.putConnector(
      'counter',
      { 'connector.class': 'test.CounterSourceConnector', limit: 5 },
      true,
    );
    await until('5 records', () => kafka.values('counter').length === 5);
    expect(kafka.values('counter')).toEqual([
      '{"n":1}',
      '{"n":2}',
      '{"n":3}',
      '{"n":4}',
      '{"n":5}',
    ]);
    await w2.stop();
  });

  it('reports a task that fails to start as FAILED with its stack trace and keeps the target state across restarts', async () => {
    const kafka = new MemoryKafka();
    const events: LifecycleEvent[] = [];
    const w = worker(kafka, { events: [] }, events);
    await w.start();
    await w.putConnector(
      'broken',
      { 'connector.class': 'test.CounterSourceConnector', limit: 1, fail: true },
      false,
    );
    await until('FAILED', () => w.status('broken').tasks[0]?.state === 'FAILED');
    expect(w.status('broken').tasks[0]?.trace).toContain('Error: counter source cannot start');
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: 'task-state',
        connector: 'broken',
        task: 0,
        state: 'FAILED',
      }),
    );
    await w.setTarget('broken', 'PAUSED');
    await w.stop();

    const again = worker(kafka, { events: [] });
    await again.start();
    expect(again.status('broken').connector.state).toBe('PAUSED');
    await again.stop();
  });

  it("validates a sink connector's topics settings before running anything", async () => {
    const kafka = new MemoryKafka();
    const w = worker(kafka, { events: [] });
    await w.start();
    await expect(
      w.putConnector(
        'sink',
        { 'connector.class': 'JdbcSinkConnector', topics: 'in', 'topics.regex': 'x' },
        false,
      ),
    ).rejects.toThrow('topics and topics.regex are mutually exclusive options, but both are set.');
    expect(w.connectorNames()).toEqual([]);
    await w.stop();
  });

  it('runs a sink task: put, then flush, then the consumer offsets are committed', async () => {
    const kafka = new MemoryKafka();
    const journal: CounterJournal = { events: [] };
    const w = worker(kafka, journal);
    await w.start();
    await kafka.ensureTopics([{ topic: 'in' }]);
    const producer = await kafka.createProducer();
    await producer.send([
      { topic: 'in', key: null, value: Buffer.from('{"a":1}') },
      { topic: 'in', key: null, value: Buffer.from('{"a":2}') },
    ]);
    await w.putConnector(
      'sink',
      { 'connector.class': 'test.RecordingSinkConnector', topics: 'in' },
      false,
    );
    await until('commit', () => kafka.groups.get('connect-sink')?.get('in') === 2n);
    expect(journal.events).toEqual(['put {"a":1} {"a":2}', 'flush in:0=2']);
    expect(await w.offsets('sink')).toEqual([
      { partition: { kafka_topic: 'in', kafka_partition: 0 }, offset: { kafka_offset: 2 } },
    ]);
    await w.stop();
  });

  it('closes each task error policy when the task stops', async () => {
    const kafka = new MemoryKafka();
    const journal: CounterJournal = { events: [] };
    const closed: string[] = [];
    const closing: ErrorPolicyFactory = (connector, props, deps) => ({
      ...tolerancePolicy(connector, props, deps),
      close: () => Promise.resolve(void closed.push(connector)),
    });
    const w = worker(kafka, journal, [], closing);
    await w.start();
    await kafka.ensureTopics([{ topic: 'in' }]);
    await w.putConnector(
      'counter',
      { 'connector.class': 'CounterSource', limit: 1, topic: 'numbers' },
      false,
    );
    await w.putConnector(
      'sink',
      { 'connector.class': 'test.RecordingSinkConnector', topics: 'in' },
      false,
    );
    await until('source committed', () => journal.events.includes('commit'));
    await until('both running', () =>
      ['counter', 'sink'].every((c) => w.status(c).tasks[0]?.state === 'RUNNING'),
    );
    expect(closed).toEqual([]);
    await w.stop();
    expect([...closed].sort()).toEqual(['counter', 'sink']);
  });

  it('errors.tolerance=all skips an undecodable record and delivers the rest; none fails the task', async () => {
    const kafka = new MemoryKafka();
    const journal: CounterJournal = { events: [] };
    const w = worker(kafka, journal);
    await w.start();
    await kafka.ensureTopics([{ topic: 'dirty' }]);
    const producer = await kafka.createProducer();
    await producer.send([
      { topic: 'dirty', key: null, value: Buffer.from('{"a":1}') },
      { topic: 'dirty', key: null, value: Buffer.from('not json') },
      { topic: 'dirty', key: null, value: Buffer.from('{"a":3}') },
    ]);
    await w.putConnector(
      'tolerant',
      {
        'connector.class': 'test.RecordingSinkConnector',
        topics: 'dirty',
        'errors.tolerance': 'all',
      },
      false,
    );
    await until('commit', () => kafka.groups.get('connect-tolerant')?.get('dirty') === 3n);
    expect(journal.events).toEqual(['put {"a":1} {"a":3}', 'flush dirty:0=3']);

    await w.putConnector(
      'strict',
      { 'connector.class': 'test.RecordingSinkConnector', topics: 'dirty' },
      false,
    );
    await until('FAILED', () => w.status('strict').tasks[0]?.state === 'FAILED');
    expect(w.status('strict').tasks[0]?.trace).toContain('is not valid JSON');
    expect(kafka.groups.get('connect-strict')?.get('dirty')).toBeUndefined();
    await w.stop();
  });

  it('rejects an unknown converter class at validation time', async () => {
    const w = worker(new MemoryKafka(), { events: [] });
    await w.start();
    await expect(
      w.putConnector(
        'c',
        {
          'connector.class': 'test.CounterSourceConnector',
          limit: 1,
          'value.converter': 'com.example.Nope',
        },
        false,
      ),
    ).rejects.toThrow(
      'Invalid value com.example.Nope for configuration value.converter: Class com.example.Nope could not be found.',
    );
    await w.stop();
  });
});
