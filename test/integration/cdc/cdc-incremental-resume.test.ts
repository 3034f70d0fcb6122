import {
  cdcProps,
  cdcScope,
  payload,
  putConnector,
  startWorker,
  TopicReader,
  uniqueName,
  waitRunning,
  type TopicRecord,
} from './cdc-harness';

jest.setTimeout(150_000);

const ROWS = 20_000;
const idOf = (r: TopicRecord) => (r.key as { payload: { id: number } }).payload.id;
const reads = (rs: readonly TopicRecord[]) =>
  rs.filter((r) => r.value !== null && payload(r.value)['op'] === 'r');

test('a restarted worker resumes an incremental snapshot after the last acknowledged chunk', async () => {
  const scope = await cdcScope('cdc-incr-resume');
  const s = scope.schema;
  const group = uniqueName('cdc-incr-resume-worker');
  const reader = await TopicReader.open(
    [`${scope.prefix}.${s}.items`],
    uniqueName('cdc-incr-resume-reader'),
  );
  let runtime = await startWorker(group);
  try {
    await scope.db.query(
      `CREATE TABLE ${s}.debezium_signal (id varchar(42) PRIMARY KEY, type varchar(32) NOT NULL, data varchar(2048))`,
    );
    await scope.db.query(`CREATE TABLE ${s}.items (id int PRIMARY KEY, v text NOT NULL)`);
    await scope.db.query(
      `INSERT INTO ${s}.items SELECT g, 'v' || g FROM generate_series(1, ${ROWS}) g`,
    );
    await putConnector(
      runtime.url,
      'resume-src',
      cdcProps(scope, {
        'snapshot.mode': 'never',
        'table.include.list': `${s}\\.items`,
        'signal.data.collection': `${s}.debezium_signal`,
        'incremental.snapshot.chunk.size': '100',
      }),
    );
    await waitRunning(runtime.url, 'resume-src');
    await scope.db.query(
      `INSERT INTO ${s}.debezium_signal VALUES ('resume-1', 'execute-snapshot', '{"data-collections": ["${s}.items"]}')`,
    );
    await reader.until('the first chunks', (rs) => (reads(rs).length >= 300 ? true : undefined));
    await runtime.stop();
    const beforeRestart = reads(reader.records).length;
    expect(beforeRestart).toBeLessThan(ROWS);

    runtime = await startWorker(group);
    await waitRunning(runtime.url, 'resume-src');
    await reader.until(
      'every row read',
      (rs) => (new Set(reads(rs).map(idOf)).size === ROWS ? true : undefined),
      120_000,
    );
    const resumed = reads(reader.records).slice(beforeRestart).map(idOf);
    // The resumed snapshot starts where the acknowledged chunks ended, not at the first row.
    expect(resumed[0]).toBeGreaterThan(1);
    expect(resumed).toEqual([...resumed].sort((a, b) => a - b));
  } finally {
    await reader.close();
    await runtime.stop();
    await scope.cleanup();
  }
});
