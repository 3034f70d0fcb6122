import type { RowQueryHandle, StatementContext } from '../../../src/engine';
import { eventually, uniqueName } from '../../support/services';
import { type RealWorld, realWorld, startRealEngine } from './real-engine';

jest.setTimeout(120_000);

const earliest: StatementContext = { streamsProperties: { 'auto.offset.reset': 'earliest' }, sessionVariables: {} };
const none: StatementContext = { streamsProperties: {}, sessionVariables: {} };

describe('the processing log under a topic prefix', () => {
  const runId = uniqueName('plog').replace(/[^a-z0-9]/gi, '');
  const serviceId = `it_${runId}_`;
  let world: RealWorld;
  let engine: Awaited<ReturnType<typeof startRealEngine>>;

  beforeAll(async () => {
    world = realWorld(runId);
    engine = await startRealEngine(world, serviceId, 'a');
  });

  afterAll(async () => {
    await engine.close();
    await world.close();
  });

  it('receives the undecodable records of a query, readable through KSQL_PROCESSING_LOG', async () => {
    await engine.engine.execute(
      "CREATE STREAM READINGS (ID INT KEY, V INT) WITH (KAFKA_TOPIC='readings', VALUE_FORMAT='JSON', PARTITIONS=1); CREATE STREAM COPY AS SELECT * FROM READINGS;",
      earliest,
    );
    const producer = world.kafka.producer({});
    producer.send({ topic: world.names.toPhysical('readings'), key: null, value: Buffer.from('{not json') });
    await producer.flush();
    await producer.close();
    const rows = await eventually('a processing log entry', async () => {
      const handle = (await engine.engine.query('SELECT LEVEL, MESSAGE->TYPE, MESSAGE->QUERYID, MESSAGE->TOPIC, MESSAGE->OFFSET FROM KSQL_PROCESSING_LOG;', none)) as RowQueryHandle;
      const found: unknown[] = [];
      for await (const row of handle.rows) found.push(row);
      return found.length > 0 ? found : undefined;
    }, 60_000, 500);
    // Every entry decodes: a query over the log adds nothing to it.
    expect(rows).toEqual([['ERROR', 'DESERIALIZATION_ERROR', 'CSAS_COPY_1', world.names.toPhysical('readings'), 0n]]);
  });
});
