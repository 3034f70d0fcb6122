import { StatementError } from '../../../src/engine/engine-port';
import { entityOf, startEngine, world } from './engine-fixture';

const ORDERS = "CREATE STREAM ORDERS (ID INT KEY, ITEM STRING, AMOUNT DOUBLE) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=2);";

describe('catalog statements', () => {
  it('creates a stream and its topic, and lists it next to the processing log', async () => {
    const w = world();
    const { run } = await startEngine(w);
    const [created] = await run(ORDERS);
    expect(created).toMatchObject({ '@type': 'currentStatus', commandId: 'stream/ORDERS/create', commandStatus: { status: 'SUCCESS', message: 'Stream created' } });
    expect(await w.topics.describeTopic('orders')).toEqual({ name: 'orders', partitions: 2, replicas: 1 });
    const streams = entityOf(await run('SHOW STREAMS;'), 'streams').streams;
    expect(streams).toEqual([
      { type: 'STREAM', name: 'KSQL_PROCESSING_LOG', topic: 'default_ksql_processing_log', keyFormat: 'KAFKA', valueFormat: 'JSON', isWindowed: false },
      { type: 'STREAM', name: 'ORDERS', topic: 'orders', keyFormat: 'KAFKA', valueFormat: 'JSON', isWindowed: false },
    ]);
  });

  it('shows topics without internal ones, with one replica count per partition', async () => {
    const w = world();
    const { run } = await startEngine(w);
    await run(ORDERS);
    await w.topics.createTopic({ name: '_internal', partitions: 1 });
    const topics = entityOf(await run('show topics;'), 'kafka_topics').topics;
    expect(topics).toEqual([
      { name: 'default_ksql_processing_log', replicaInfo: [1] },
      { name: 'orders', replicaInfo: [1, 1] },
    ]);
  });

  it('shows topics extended with the consumer groups of the queries reading them', async () => {
    const w = world();
    const { run } = await startEngine(w);
    await run(`${ORDERS} CREATE STREAM BIG AS SELECT * FROM ORDERS;`);
    const extended = await run('SHOW TOPICS EXTENDED;');
    expect(extended[0]?.['@type']).toBe('kafka_topics_extended');
    expect(entityOf(extended, 'kafka_topics_extended').topics).toEqual([
      { name: 'BIG', replicaInfo: [1, 1], consumerCount: 0, consumerGroupCount: 0 },
      { name: 'default_ksql_processing_log', replicaInfo: [1], consumerCount: 0, consumerGroupCount: 0 },
      { name: 'orders', replicaInfo: [1, 1], consumerCount: 1, consumerGroupCount: 1 },
    ]);
  });

  it('describes a source with its key and value columns', async () => {
    const { run } = await startEngine(world());
    await run(ORDERS);
    const description = entityOf(await run('DESCRIBE ORDERS;'), 'sourceDescription').sourceDescription;
    expect(description.fields).toEqual([
      { name: 'ID', schema: { type: 'INTEGER', fields: null, memberSchema: null }, type: 'KEY' },
      { name: 'ITEM', schema: { type: 'STRING', fields: null, memberSchema: null } },
      { name: 'AMOUNT', schema: { type: 'DOUBLE', fields: null, memberSchema: null } },
    ]);
    expect(description).toMatchObject({ topic: 'orders', partitions: 2, keyFormat: 'KAFKA', valueFormat: 'JSON', type: 'STREAM' });
  });

  it('infers the value columns of an AVRO stream from the latest registered schema', async () => {
    const w = world();
    await w.topics.createTopic({ name: 'psg-customers', partitions: 1 });
    await w.registry.register('psg-customers-value', {
      type: 'record',
      name: 'customers',
      fields: [
        { name: 'nome', type: ['null', 'string'] },
        { name: 'nascimento', type: ['null', 'long'] },
      ],
    });
    const { run } = await startEngine(w);
    await run("create stream custstream WITH (kafka_topic='psg-customers', value_format='AVRO');");
    const description = entityOf(await run('describe custstream;'), 'sourceDescription').sourceDescription;
    expect(description.fields.map((f) => [f.name, f.schema.type])).toEqual([
      ['NOME', 'STRING'],
      ['NASCIMENTO', 'BIGINT'],
    ]);
    expect(description.valueFormat).toBe('AVRO');
  });

  it('infers one ROWVAL struct column from a record schema when WRAP_SINGLE_VALUE=false', async () => {
    const w = world();
    await w.topics.createTopic({ name: 'anon-rows', partitions: 1 });
    await w.registry.register('anon-rows-value', { type: 'record', name: 'r', fields: [{ name: 'F0', type: ['null', 'int'] }] });
    const { run } = await startEngine(w);
    await run("CREATE STREAM ANON WITH (kafka_topic='anon-rows', value_format='AVRO', wrap_single_value=false);");
    const description = entityOf(await run('describe ANON;'), 'sourceDescription').sourceDescription;
    expect(description.fields.map((f) => [f.name, f.schema.type, f.schema.fields?.map((s) => [s.name, s.schema.type])])).toEqual([
      ['ROWVAL', 'STRUCT', [['F0', 'INTEGER']]],
    ]);
  });

  it('rejects a source over a missing topic without PARTITIONS', async () => {
    const { run } = await startEngine(world());
    await expect(run("CREATE STREAM X (A INT) WITH (KAFKA_TOPIC='missing', VALUE_FORMAT='JSON');")).rejects.toThrow(/Topic 'missing' does not exist/);
  });

  it('points syntax errors at line and column with a caret', async () => {
    const { run } = await startEngine(world());
    const error = (await run('SHOW STREAMS;\nCREATE STREM X (A INT);').catch((e: unknown) => e)) as StatementError;
    expect(error).toBeInstanceOf(StatementError);
    expect(error.errorCode).toBe(40001);
    expect(error.location).toEqual({ line: 2, column: 8 });
    expect(error.message).toContain('line 2:8');
    expect(error.message).toContain('^');
  });

  it('reports unknown sources as bad statements carrying the earlier results', async () => {
    const { run } = await startEngine(world());
    const error = (await run(`${ORDERS} DESCRIBE NOPE;`).catch((e: unknown) => e)) as StatementError;
    expect(error.status).toBe(400);
    expect(error.message).toContain('NOPE');
    expect(error.entities).toHaveLength(1);
  });

  it('registers and lists custom types', async () => {
    const { run } = await startEngine(world());
    await run('CREATE TYPE ADDRESS AS STRUCT<STREET STRING, NUMBER INT>;');
    const types = entityOf(await run('SHOW TYPES;'), 'type_list').types;
    expect(types.ADDRESS?.type).toBe('STRUCT');
    await run('DROP TYPE ADDRESS;');
    expect(entityOf(await run('SHOW TYPES;'), 'type_list').types).toEqual({});
  });

  it('substitutes DEFINEd variables in later statements and lists them', async () => {
    const w = world();
    const { run } = await startEngine(w);
    const entities = await run("DEFINE topic = 'defined_topic'; CREATE STREAM V (A INT) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON', PARTITIONS=1); SHOW VARIABLES;");
    expect(await w.topics.describeTopic('defined_topic')).toBeDefined();
    expect(entityOf(entities, 'variables').variables).toEqual([{ name: 'TOPIC', value: 'defined_topic' }]);
  });

  it('applies SET to the rest of the script only', async () => {
    const { run } = await startEngine(world());
    const entities = await run("SET 'auto.offset.reset' = 'earliest'; SHOW PROPERTIES;");
    const properties = entityOf(entities, 'properties');
    expect(properties.properties).toContainEqual({ name: 'auto.offset.reset', scope: 'KSQL', value: 'earliest' });
    expect(properties.overwrittenProperties).toEqual(['auto.offset.reset']);
    const later = entityOf(await run('SHOW PROPERTIES;'), 'properties');
    expect(later.properties.find((p) => p.name === 'auto.offset.reset')).toBeUndefined();
  });

  it('runs the statements of RUN SCRIPT', async () => {
    const { run } = await startEngine(world());
    await run("RUN SCRIPT 'setup.sql';");
    expect(entityOf(await run('SHOW STREAMS;'), 'streams').streams.map((s) => s.name)).toContain('FROM_SCRIPT');
  });

  it('refuses SELECT and PRINT on the statement endpoint', async () => {
    const { run } = await startEngine(world());
    await run(ORDERS);
    await expect(run('SELECT * FROM ORDERS EMIT CHANGES;')).rejects.toMatchObject({ errorCode: 40002 });
  });

  it('manages connectors through the Connect port', async () => {
    const { run } = await startEngine(world());
    const created = await run(
      "CREATE SOURCE CONNECTOR `psg-connector` WITH ('connector.class'='io.confluent.connect.jdbc.JdbcSourceConnector', 'tasks.max'='1', 'topic.prefix'='psg-');",
    );
    expect(entityOf(created, 'connector_info').info.name).toBe('psg-connector');
    expect(entityOf(await run('show connectors;'), 'connector_list').connectors).toEqual([
      { name: 'psg-connector', type: 'SOURCE', className: 'io.confluent.connect.jdbc.JdbcSourceConnector', state: 'RUNNING (1/1 tasks RUNNING)' },
    ]);
    expect(entityOf(await run('DROP CONNECTOR `psg-connector`;'), 'drop_connector').connectorName).toBe('psg-connector');
  });

  it('checks topics with ASSERT TOPIC', async () => {
    const { run } = await startEngine(world());
    await run(ORDERS);
    await expect(run("ASSERT TOPIC orders WITH (PARTITIONS=2);")).resolves.toHaveLength(1);
    await expect(run('ASSERT TOPIC nope TIMEOUT 1 MILLISECONDS;')).rejects.toThrow(/nope/);
  });
});

describe('ALTER and EXPLAIN', () => {
  it('adds value columns with ALTER STREAM, also on replay', async () => {
    const w = world();
    const { run } = await startEngine(w);
    await run("CREATE STREAM A (ID INT KEY, X STRING) WITH (KAFKA_TOPIC='a', VALUE_FORMAT='JSON', PARTITIONS=1);");
    await run('ALTER STREAM A ADD COLUMN Y BIGINT;');
    const fields = async (engine: Awaited<ReturnType<typeof startEngine>>): Promise<string[]> =>
      entityOf(await engine.run('DESCRIBE A;'), 'sourceDescription').sourceDescription.fields.map((f) => f.name);
    expect(await fields({ run } as Awaited<ReturnType<typeof startEngine>>)).toEqual(['ID', 'X', 'Y']);
    expect(await fields(await startEngine(w, 'engine-2'))).toEqual(['ID', 'X', 'Y']);
  });

  it('explains a statement without running it', async () => {
    const { run, runtime } = await startEngine(world());
    await run("CREATE STREAM A (ID INT KEY, X STRING) WITH (KAFKA_TOPIC='a', VALUE_FORMAT='JSON', PARTITIONS=1);");
    const description = entityOf(await run('EXPLAIN CREATE STREAM B AS SELECT * FROM A;'), 'queryDescription').queryDescription;
    expect(description.sources).toEqual(['A']);
    expect(description.sinks).toEqual(['B']);
    expect(description.topology).toContain('Sub-topology');
    expect(runtime.runs).toEqual([]);
  });
});
