import type { SqlPool, SqlResult } from '../../../connectors/jdbc/sql-client';
import { modelFor, modelOptions } from '../../../connectors/cdc/change-records';
import { IncrementalSnapshot } from '../../../connectors/cdc/incremental-snapshot';
import { parseExecuteSnapshot } from '../../../connectors/cdc/snapshot-signal';
import { tableFilter } from '../../../connectors/cdc/table-filter';

const types = {
  decimal: 'precise',
  time: 'adaptive',
  binary: 'bytes',
  interval: 'numeric',
} as const;
const table = new Map<number, string>([1, 2, 3, 4, 5].map((id) => [id, `v${id}`]));

/** Answers the snapshot's catalog, chunk and signal statements from `table`; records signals. */
function fakePool(signals: { id: string; type: string }[]): SqlPool {
  const result = (rows: Record<string, unknown>[], fields: string[] = []): SqlResult => ({
    rows,
    fields: fields.map((name) => ({ name, typeOid: 25, typeModifier: -1 })),
    rowCount: rows.length,
  });
  return {
    query(text: string, params: readonly unknown[] = []): Promise<SqlResult> {
      if (text.includes('FROM pg_class'))
        return Promise.resolve(result([{ schema: 's', table: 't' }]));
      if (text.includes('FROM pg_attribute'))
        return Promise.resolve(
          result(
            ['id', 'v'].map((name, i) => ({
              name,
              oid: i === 0 ? 23 : 25,
              typmod: -1,
              nullable: i !== 0,
              pk: i === 0,
              type_name: i === 0 ? 'int4' : 'text',
              labels: null,
              elem_oid: 0,
              elem_name: null,
              elem_labels: null,
            })),
          ),
        );
      if (text.startsWith('INSERT')) {
        signals.push({ id: String(params[0]), type: String(params[1]) });
        return Promise.resolve(result([]));
      }
      const ids = [...table.keys()].sort((a, b) => a - b);
      if (text.includes('DESC'))
        return Promise.resolve(result([{ id: String(ids[ids.length - 1]) }], ['id']));
      const limit = Number(/LIMIT (\d+)/.exec(text)![1]);
      const after = text.includes(') > (') ? Number(params[0]) : 0;
      const upTo = Number(params[params.length - 1]);
      const rows = ids
        .filter((id) => id > after && id <= upTo)
        .slice(0, limit)
        .map((id) => ({ id: String(id), v: table.get(id)! }));
      return Promise.resolve(result(rows, ['id', 'v']));
    },
    session: () => Promise.reject(new Error('unused')),
    end: () => Promise.resolve(),
  };
}

/** fakePool, listing several tables of the same shape. */
function catalogFor(names: readonly string[]): SqlPool {
  const base = fakePool([]);
  return {
    ...base,
    query: (text, params) =>
      text.includes('FROM pg_class')
        ? Promise.resolve({
            rows: names.map((table) => ({ schema: 's', table })),
            fields: [],
            rowCount: names.length,
          })
        : base.query(text, params),
  };
}

const position = { partition: { server: 'srv' }, offset: { lsn_commit: 1 } };
const model = modelFor(modelOptions('srv', types), 's', 't', [
  { name: 'id', typeOid: 23, typeModifier: -1, nullable: false, primaryKey: true },
  { name: 'v', typeOid: 25, typeModifier: -1, nullable: true, primaryKey: false },
]);

test('streamed changes inside the window drop the buffered rows of their keys', async () => {
  const signals: { id: string; type: string }[] = [];
  const snapshot = new IncrementalSnapshot(fakePool(signals), {
    signalTable: { schema: 's', table: 'signals' },
    chunkSize: 3,
    model: modelOptions('srv', types),
    filter: tableFilter({
      schemaInclude: '',
      schemaExclude: '',
      tableInclude: '',
      tableExclude: '',
    }),
    db: 'postgres',
    placeholder: '__u',
    clock: () => 0,
    log: () => undefined,
    warn: () => undefined,
  });
  const ids = (records: readonly { key: unknown }[]) =>
    records.map((r) => (r.key as { id: number }).id);
  const see = (type: string, id = 'x', data: string | null = null) =>
    snapshot.signal({ id, type, data }, position, 10n);

  see('execute-snapshot', 'adhoc', '{"data-collections": ["s\\\\.t"]}');
  await snapshot.step();
  expect(signals.map((s) => s.type)).toEqual(['snapshot-window-open', 'snapshot-window-close']);
  // Before the open marker streams, changes predate the chunk read and do not touch the buffer.
  snapshot.streamed(model, { id: 1, v: 'old change' });
  expect(see('snapshot-window-open', signals[0]!.id)).toEqual([]);
  snapshot.streamed(model, { id: 2, v: 'newer than the chunk' });
  const first = see('snapshot-window-close', signals[1]!.id);
  expect(ids(first)).toEqual([1, 3]);
  expect((first[0]!.value as { source: { snapshot: string } }).source.snapshot).toBe('incremental');
  expect((first[0]!.value as { op: string }).op).toBe('r');

  await snapshot.step();
  expect(see('snapshot-window-open', signals[2]!.id)).toEqual([]);
  snapshot.streamed(model, { id: 5, v: 'deleted' });
  expect(ids(see('snapshot-window-close', signals[3]!.id))).toEqual([4]);
  expect(snapshot.active).toBe(false);
});

test('markers of other windows and unknown signals are ignored', async () => {
  const signals: { id: string; type: string }[] = [];
  const snapshot = new IncrementalSnapshot(fakePool(signals), {
    signalTable: { schema: 's', table: 'signals' },
    chunkSize: 10,
    model: modelOptions('srv', types),
    filter: tableFilter({
      schemaInclude: '',
      schemaExclude: '',
      tableInclude: '',
      tableExclude: '',
    }),
    db: 'postgres',
    placeholder: '__u',
    clock: () => 0,
    log: () => undefined,
    warn: () => undefined,
  });
  snapshot.signal(
    { id: 'a', type: 'execute-snapshot', data: '{"data-collections": ["s.t"]}' },
    position,
    1n,
  );
  await snapshot.step();
  expect(
    snapshot.signal({ id: 'stale-close', type: 'snapshot-window-close', data: null }, position, 1n),
  ).toEqual([]);
  expect(snapshot.signal({ id: 'b', type: 'log', data: '{}' }, position, 1n)).toEqual([]);
  const all = snapshot.signal(
    { id: signals[1]!.id, type: 'snapshot-window-close', data: null },
    position,
    1n,
  );
  expect(all).toHaveLength(5);
});

test('offsets carry the progress and a restored snapshot resumes after the last emitted chunk', async () => {
  const signals: { id: string; type: string }[] = [];
  const options = {
    signalTable: { schema: 's', table: 'signals' },
    chunkSize: 3,
    model: modelOptions('srv', types),
    filter: tableFilter({
      schemaInclude: '',
      schemaExclude: '',
      tableInclude: '',
      tableExclude: '',
    }),
    db: 'postgres',
    placeholder: '__u',
    clock: () => 0,
    log: () => undefined,
    warn: () => undefined,
  };
  const first = new IncrementalSnapshot(fakePool(signals), options);
  first.signal(
    { id: 'a', type: 'execute-snapshot', data: '{"data-collections": ["s.t"]}' },
    position,
    1n,
  );
  await first.step();
  const chunk = first.signal(
    { id: signals[1]!.id, type: 'snapshot-window-close', data: null },
    position,
    1n,
  );
  const offset = chunk[chunk.length - 1]!.sourceOffset;
  expect(offset).toEqual({
    lsn_commit: 1,
    incremental_snapshot_collections:
      '[{"incremental_snapshot_collections_id":"s.t","incremental_snapshot_collections_additional_condition":null}]',
    incremental_snapshot_primary_key: '["3"]',
    incremental_snapshot_maximum_key: '["5"]',
  });
  // Rows committed after the snapshot started arrive by streaming, not by the snapshot.
  table.set(6, 'v6');
  try {
    const resumed = new IncrementalSnapshot(fakePool(signals), options);
    resumed.restore(offset);
    expect(resumed.active).toBe(true);
    await resumed.step();
    const rest = resumed.signal(
      { id: signals[3]!.id, type: 'snapshot-window-close', data: null },
      position,
      2n,
    );
    expect(rest.map((r) => (r.key as { id: number }).id)).toEqual([4, 5]);
    expect(resumed.active).toBe(false);
    expect(rest[0]!.sourceOffset).toEqual({ lsn_commit: 1 });
  } finally {
    table.delete(6);
  }
});

test('execute-snapshot data is parsed as Debezium writes it, and bad data says why', () => {
  expect(
    parseExecuteSnapshot(
      '{"data-collections": ["s.t", "s.u"], "type": "INCREMENTAL", "additional-conditions": [{"data-collection": "s.t", "filter": "a > 1"}]}',
    ),
  ).toEqual([
    { pattern: 's.t', conditions: [{ collection: 's.t', filter: 'a > 1' }] },
    { pattern: 's.u', conditions: [{ collection: 's.t', filter: 'a > 1' }] },
  ]);
  expect(parseExecuteSnapshot('{"data-collections": ["s.t"], "type": "blocking"}')).toBe(
    'snapshot type blocking is not supported (only incremental)',
  );
  expect(parseExecuteSnapshot('{"data-collections": []}')).toBe(
    'data-collections must list at least one table',
  );
  expect(parseExecuteSnapshot('not json')).toBe('the data is not JSON');
});

test('a data collection that is not a regular expression is refused', () => {
  expect(parseExecuteSnapshot('{"data-collections": ["s.(t"]}')).toBe(
    's.(t is not a valid regular expression',
  );
});

test('a snapshot whose steps keep failing is abandoned without failing the stream', async () => {
  const warnings: string[] = [];
  const failing: SqlPool = {
    ...fakePool([]),
    query: (text, params) =>
      text.startsWith('INSERT')
        ? Promise.reject(new Error('column "type" does not exist'))
        : fakePool([]).query(text, params),
  };
  const snapshot = new IncrementalSnapshot(failing, {
    signalTable: { schema: 's', table: 'signals' },
    chunkSize: 3,
    model: modelOptions('srv', types),
    filter: tableFilter({
      schemaInclude: '',
      schemaExclude: '',
      tableInclude: '',
      tableExclude: '',
    }),
    db: 'postgres',
    placeholder: '__u',
    clock: () => 0,
    log: () => undefined,
    warn: (message) => warnings.push(message),
  });
  snapshot.signal(
    { id: 'a', type: 'execute-snapshot', data: '{"data-collections": ["s.t"]}' },
    position,
    1n,
  );
  for (let i = 0; i < 10; i++) await snapshot.tryStep();
  expect(warnings).toEqual([
    ...Array<string>(9).fill('incremental snapshot step failed, retrying'),
    'incremental snapshot abandoned after repeated failures',
  ]);
  expect(snapshot.active).toBe(false);
});

test('stop-snapshot drops the tables it names, or every table', async () => {
  const pool = catalogFor(['t', 'u', 'v']);
  const snapshot = new IncrementalSnapshot(pool, {
    signalTable: { schema: 's', table: 'signals' },
    chunkSize: 3,
    model: modelOptions('srv', types),
    filter: tableFilter({
      schemaInclude: '',
      schemaExclude: '',
      tableInclude: '',
      tableExclude: '',
    }),
    db: 'postgres',
    placeholder: '__u',
    clock: () => 0,
    log: () => undefined,
    warn: () => undefined,
  });
  type Stored = { incremental_snapshot_collections_id: string };
  const tables = () =>
    (
      JSON.parse(snapshot.offsetFields()['incremental_snapshot_collections'] ?? '[]') as Stored[]
    ).map((c) => c.incremental_snapshot_collections_id);
  snapshot.signal(
    { id: 'a', type: 'execute-snapshot', data: '{"data-collections": ["s\\\\..*"]}' },
    position,
    1n,
  );
  await snapshot.step();
  expect(tables()).toEqual(['s.t', 's.u', 's.v']);
  snapshot.signal(
    {
      id: 'b',
      type: 'stop-snapshot',
      data: '{"data-collections": ["s.u"], "type": "incremental"}',
    },
    position,
    1n,
  );
  expect(tables()).toEqual(['s.t', 's.v']);
  snapshot.signal({ id: 'c', type: 'stop-snapshot', data: null }, position, 1n);
  expect(snapshot.active).toBe(false);
});
