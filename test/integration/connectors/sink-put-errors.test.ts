import {
  cdcScope,
  ensureTopics,
  eventually,
  kafka,
  putConnector,
  startWorker,
  TopicReader,
  uniqueName,
  waitRunning,
} from '../cdc/cdc-harness';
import { http } from './connect-harness';

jest.setTimeout(90_000);

const JDBC_SINK = 'io.confluent.connect.jdbc.JdbcSinkConnector';

function sinkProps(topic: string, table: string, extra: Record<string, string>) {
  return {
    'connector.class': JDBC_SINK,
    'connection.url': 'jdbc:postgresql://127.0.0.1:5432/postgres',
    'connection.user': 'postgres',
    topics: topic,
    'table.name.format': table,
    'insert.mode': 'insert',
    'pk.mode': 'record_value',
    'pk.fields': 'id',
    'auto.create': 'false',
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter.schemas.enable': 'false',
    ...extra,
  };
}

const row = (id: number, value: Record<string, unknown>) => ({
  key: String(id),
  value: JSON.stringify({ id, ...value }),
});

test('rows the table refuses go to the dead-letter topic with TASK_PUT headers while the rest of the batch is written', async () => {
  const scope = await cdcScope('putdlq');
  const table = `${scope.schema}.orders`;
  await scope.db.query(
    `CREATE TABLE ${table} (id int PRIMARY KEY, amount int NOT NULL, note varchar(5))`,
  );
  const topic = `${scope.schema}-orders`;
  const dlq = `${scope.schema}-orders-dlq`;
  await ensureTopics([topic, dlq]);
  const runtime = await startWorker(uniqueName('putdlq-worker'));
  const producer = kafka().producer();
  await producer.connect();
  const reader = await TopicReader.open([dlq], uniqueName('putdlq-reader'));
  try {
    // One send: the records reach the sink as one batch, so the bad ones must be isolated.
    await producer.send({
      topic,
      messages: [
        row(1, { amount: 10, note: 'a' }),
        row(2, { amount: 20, note: 'b' }),
        row(3, { amount: 30, note: 'far too long' }),
        row(4, { amount: 40, note: 'd' }),
        row(5, { note: 'e' }),
        row(6, { amount: 60, note: 'f' }),
      ],
    });
    await putConnector(
      runtime.url,
      'putdlq-sink',
      sinkProps(topic, table, {
        'errors.tolerance': 'all',
        'errors.deadletterqueue.topic.name': dlq,
        'errors.deadletterqueue.context.headers.enable': 'true',
      }),
    );
    await waitRunning(runtime.url, 'putdlq-sink');
    const dead = await reader.until('two dead letters', (rs) => (rs.length >= 2 ? rs : undefined));
    expect(dead.map((d) => d.headers['__connect.errors.offset'])).toEqual(['2', '4']);
    // The reader decodes JSON: the dead letters are the keys and values as they were consumed.
    expect(dead.map((d) => d.key)).toEqual([3, 5]);
    for (const d of dead) {
      expect(d.headers['__connect.errors.topic']).toBe(topic);
      expect(d.headers['__connect.errors.stage']).toBe('TASK_PUT');
      expect(d.headers['__connect.errors.class.name']).toBe(JDBC_SINK);
      expect(d.headers['__connect.errors.connector.name']).toBe('putdlq-sink');
      expect(d.headers['__connect.errors.exception.class.name']).toBe('DataError');
    }
    expect(dead[0]!.headers['__connect.errors.exception.message']).toContain('too long');
    expect(dead[1]!.headers['__connect.errors.exception.message']).toContain('null value');
    expect(dead[0]!.value).toEqual({ id: 3, amount: 30, note: 'far too long' });
    const rows = await eventually('four rows', async () => {
      const r = await scope.db.query<{ id: number }>(`SELECT id FROM ${table} ORDER BY id`);
      return r.rows.length === 4 ? r.rows.map((x) => x.id) : undefined;
    });
    expect(rows).toEqual([1, 2, 4, 6]);
    const status = await http(runtime.url, 'GET', '/connectors/putdlq-sink/status');
    expect((status.body as { tasks: { state: string }[] }).tasks[0]!.state).toBe('RUNNING');
  } finally {
    await producer.disconnect();
    await reader.close();
    await runtime.stop();
    await scope.cleanup();
  }
});

test('with errors.tolerance=none a row the table refuses fails the task with the cause in its status trace', async () => {
  const scope = await cdcScope('putfail');
  const table = `${scope.schema}.orders`;
  await scope.db.query(`CREATE TABLE ${table} (id int PRIMARY KEY, amount int NOT NULL)`);
  const topic = `${scope.schema}-orders`;
  await ensureTopics([topic]);
  const runtime = await startWorker(uniqueName('putfail-worker'));
  const producer = kafka().producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: [row(1, { amount: 10 }), row(2, {})] });
    await putConnector(runtime.url, 'putfail-sink', sinkProps(topic, table, {}));
    const trace = await eventually('task failed', async () => {
      const r = await http(runtime.url, 'GET', '/connectors/putfail-sink/status');
      const task = (r.body as { tasks?: { state: string; trace?: string }[] }).tasks?.[0];
      return task?.state === 'FAILED' ? task.trace : undefined;
    });
    expect(trace).toContain('DataError');
    expect(trace).toContain('null value in column "amount"');
    // All or nothing: the batch's good row was not committed with the bad one.
    const r = await scope.db.query(`SELECT id FROM ${table}`);
    expect(r.rows).toEqual([]);
  } finally {
    await producer.disconnect();
    await runtime.stop();
    await scope.cleanup();
  }
});
