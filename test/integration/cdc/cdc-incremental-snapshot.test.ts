import {
  cdcProps,
  cdcScope,
  payload,
  putConnector,
  startWorker,
  TopicReader,
  uniqueName,
  waitRunning,
  type CdcScope,
  type TopicRecord,
} from './cdc-harness';
import type { ConnectRuntime } from '../../../connectors';

jest.setTimeout(120_000);

let scope: CdcScope;
let runtime: ConnectRuntime;
let reader: TopicReader;
const ROWS = 95;

beforeAll(async () => {
  scope = await cdcScope('cdc-incr');
  const s = scope.schema;
  await scope.db.query(
    `CREATE TABLE ${s}.debezium_signal (id varchar(42) PRIMARY KEY, type varchar(32) NOT NULL, data varchar(2048))`,
  );
  await scope.db.query(`CREATE TABLE ${s}.items (id int PRIMARY KEY, v text NOT NULL)`);
  await scope.db.query(
    `INSERT INTO ${s}.items SELECT g, 'v' || g FROM generate_series(1, ${ROWS}) g`,
  );
  runtime = await startWorker(uniqueName('cdc-incr-worker'));
  reader = await TopicReader.open([`${scope.prefix}.${s}.items`], uniqueName('cdc-incr-reader'));
  await putConnector(
    runtime.url,
    `${scope.prefix}-src`,
    cdcProps(scope, {
      'snapshot.mode': 'never',
      'table.include.list': `${s}\\.items`,
      'signal.data.collection': `${s}.debezium_signal`,
      'incremental.snapshot.chunk.size': '10',
    }),
  );
  await waitRunning(runtime.url, `${scope.prefix}-src`);
});

afterAll(async () => {
  await reader?.close();
  await runtime?.stop();
  await scope?.cleanup();
});

const idOf = (r: TopicRecord) => (r.key as { payload: { id: number } }).payload.id;
const reads = (rs: readonly TopicRecord[]) =>
  rs.filter((r) => r.value !== null && payload(r.value)['op'] === 'r');

/** The table as a consumer rebuilds it from the topic: the last event per key wins. */
function replay(records: readonly TopicRecord[]): Map<number, string> {
  const rows = new Map<number, string>();
  for (const r of records) {
    const id = (r.key as { payload: { id: number } }).payload.id;
    if (r.value === null) continue;
    const after = payload(r.value)['after'] as { v: string } | null;
    if (after === null) rows.delete(id);
    else rows.set(id, after.v);
  }
  return rows;
}

test('an execute-snapshot signal snapshots the table in chunks while changes keep streaming', async () => {
  const s = scope.schema;
  await scope.db.query(
    `INSERT INTO ${s}.debezium_signal VALUES ('adhoc-1', 'execute-snapshot', '{"data-collections": ["${s}.items"], "type": "incremental"}')`,
  );
  // Changes while the snapshot runs: updates on both sides of the chunk cursor, deletes, inserts.
  const touched = new Set<number>();
  for (let i = 0; i < 20; i++) {
    const id = 1 + ((i * 37) % ROWS);
    touched.add(id);
    if (i % 5 === 4) await scope.db.query(`DELETE FROM ${s}.items WHERE id = $1`, [id]);
    else await scope.db.query(`UPDATE ${s}.items SET v = v || '+' WHERE id = $1`, [id]);
  }
  await scope.db.query(`INSERT INTO ${s}.items VALUES (1000, 'late')`);
  const expected = new Map(
    (await scope.db.query(`SELECT id, v FROM ${s}.items`)).rows.map((r) => [
      r.id as number,
      r.v as string,
    ]),
  );
  await reader.until('the topic replays to the table', (rs) => {
    const reads = rs.filter((r) => r.value !== null && payload(r.value)['op'] === 'r');
    const last = reads[reads.length - 1];
    const done = last !== undefined && (last.key as { payload: { id: number } }).payload.id >= 91;
    return done && JSON.stringify([...replay(rs)].sort()) === JSON.stringify([...expected].sort())
      ? true
      : undefined;
  });
  const reads = reader.records.filter((r) => r.value !== null && payload(r.value)['op'] === 'r');
  const ids = reads.map((r) => (r.key as { payload: { id: number } }).payload.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  expect(
    reads.every(
      (r) => (payload(r.value)['source'] as { snapshot: string }).snapshot === 'incremental',
    ),
  ).toBe(true);
  // A row no change touched cannot be superseded by the stream, so the snapshot must emit it.
  const untouched = [...Array(ROWS).keys()].map((i) => i + 1).filter((id) => !touched.has(id));
  expect(untouched.filter((id) => !ids.includes(id))).toEqual([]);
});

test('a second signal snapshots the table again', async () => {
  const s = scope.schema;
  const before = reader.records.length;
  await scope.db.query(
    `INSERT INTO ${s}.debezium_signal VALUES ('adhoc-2', 'execute-snapshot', '{"data-collections": ["${s}\\\\.it.*"]}')`,
  );
  const ids = (await scope.db.query(`SELECT id FROM ${s}.items ORDER BY id`)).rows.map(
    (r) => r.id as number,
  );
  const reads = await reader.until('second snapshot', (rs) => {
    const r = rs.slice(before).filter((x) => x.value !== null && payload(x.value)['op'] === 'r');
    const last = r[r.length - 1];
    return last !== undefined &&
      (last.key as { payload: { id: number } }).payload.id === ids[ids.length - 1]
      ? r
      : undefined;
  });
  expect(reads.map((r) => (r.key as { payload: { id: number } }).payload.id)).toEqual(ids);
});

test('additional-conditions limit the snapshot to the rows the filter selects', async () => {
  const s = scope.schema;
  const before = reader.records.length;
  await scope.db.query(
    `INSERT INTO ${s}.debezium_signal VALUES ('adhoc-3', 'execute-snapshot', $1)`,
    [
      JSON.stringify({
        'data-collections': [`${s}.items`],
        type: 'INCREMENTAL',
        'additional-conditions': [{ 'data-collection': `${s}.items`, filter: 'id <= 10' }],
      }),
    ],
  );
  const ids = (
    await scope.db.query(`SELECT id FROM ${s}.items WHERE id <= 10 ORDER BY id`)
  ).rows.map((r) => r.id as number);
  // A later signal without a filter marks the end: its first read can only follow the filtered ones.
  await scope.db.query(
    `INSERT INTO ${s}.debezium_signal VALUES ('adhoc-4', 'execute-snapshot', '{"data-collections": ["${s}.items"]}')`,
  );
  const filtered = await reader.until('filtered snapshot', (rs) => {
    const r = reads(rs.slice(before));
    const second = r.findIndex((x, i) => i > 0 && idOf(x) < idOf(r[i - 1]!));
    return second > 0 ? r.slice(0, second) : undefined;
  });
  expect(filtered.map(idOf)).toEqual(ids);
});
