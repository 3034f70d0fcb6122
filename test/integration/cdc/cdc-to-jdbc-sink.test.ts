import {
  cdcProps,
  cdcScope,
  ensureTopics,
  eventually,
  putConnector,
  startWorker,
  uniqueName,
  waitRunning,
} from './cdc-harness';

jest.setTimeout(150_000);

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

test('after 10k random inserts, updates and deletes through CDC, unwrap and the JDBC sink, the sink table equals the source', async () => {
  const scope = await cdcScope('cdc-sink');
  const s = scope.schema;
  const runtime = await startWorker(uniqueName('cdc-sink-worker'));
  try {
    await scope.db.query(
      `CREATE TABLE ${s}.accounts (id int PRIMARY KEY, owner text NOT NULL, balance numeric(12,2), seen timestamp)`,
    );
    await ensureTopics([`${scope.prefix}.${s}.accounts`]);
    await putConnector(
      runtime.url,
      'sink-cdc-src',
      cdcProps(scope, {
        'snapshot.mode': 'initial',
        'time.precision.mode': 'connect',
        'max.batch.size': '256',
      }),
    );
    await putConnector(runtime.url, 'sink-cdc-sink', {
      'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
      'connection.url': 'jdbc:postgresql://127.0.0.1:5432/postgres',
      'connection.user': 'postgres',
      topics: `${scope.prefix}.${s}.accounts`,
      'table.name.format': `${s}.accounts_gold`,
      'insert.mode': 'upsert',
      'pk.mode': 'record_key',
      'delete.enabled': 'true',
      'auto.create': 'true',
      'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      transforms: 'unwrap',
      'transforms.unwrap.type': 'io.debezium.transforms.ExtractNewRecordState',
      'transforms.unwrap.drop.tombstones': 'false',
      'transforms.unwrap.delete.handling.mode': 'none',
    });
    await waitRunning(runtime.url, 'sink-cdc-src');
    await waitRunning(runtime.url, 'sink-cdc-sink');
    const random = lcg(42);
    const live: number[] = [];
    let nextId = 1;
    for (let batch = 0; batch < 100; batch++) {
      const statements: string[] = [];
      for (let i = 0; i < 100; i++) {
        const r = random();
        if (r < 0.5 || live.length < 10) {
          statements.push(
            `INSERT INTO ${s}.accounts VALUES (${nextId}, 'o${nextId}', ${(random() * 1000).toFixed(2)}, now())`,
          );
          live.push(nextId++);
        } else if (r < 0.85) {
          const id = live[Math.floor(random() * live.length)]!;
          statements.push(
            `UPDATE ${s}.accounts SET balance = balance + ${(random() * 10).toFixed(2)}, owner = owner || 'u' WHERE id = ${id}`,
          );
        } else {
          const idx = Math.floor(random() * live.length);
          statements.push(`DELETE FROM ${s}.accounts WHERE id = ${live[idx]!}`);
          live.splice(idx, 1);
        }
      }
      await scope.db.query(`BEGIN; ${statements.join('; ')}; COMMIT`);
    }
    const expected = async () =>
      (await scope.db.query(`SELECT id, owner, balance::text, seen FROM ${s}.accounts ORDER BY id`))
        .rows;
    const want = await expected();
    const actual = () =>
      scope.db
        .query(`SELECT id, owner, balance::text, seen FROM ${s}.accounts_gold ORDER BY id`)
        .then((r) => r.rows)
        .catch(() => []);
    await eventually(
      'sink table equals source table',
      async () => (JSON.stringify(await actual()) === JSON.stringify(want) ? true : undefined),
      60_000,
      250,
    ).catch(async () => expect(await actual()).toEqual(want));
    expect(live.length).toBeGreaterThan(1000);
  } finally {
    await runtime.stop();
    await scope.cleanup();
  }
});
