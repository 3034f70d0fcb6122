import {
  cdcProps,
  cdcScope,
  payload,
  putConnector,
  startWorker,
  TopicReader,
  uniqueName,
  waitRunning,
} from './cdc-harness';

jest.setTimeout(120_000);

test('the initial snapshot hands over to streaming with no gap and no duplicate, rows inserted during the snapshot included', async () => {
  const scope = await cdcScope('cdc-seam');
  const s = scope.schema;
  const runtime = await startWorker(uniqueName('cdc-seam-worker'));
  const topic = `${scope.prefix}.${s}.rows`;
  const reader = await TopicReader.open([topic], uniqueName('cdc-seam-reader'));
  try {
    await scope.db.query(`CREATE TABLE ${s}.rows (id int PRIMARY KEY, v text)`);
    await scope.db.query(`INSERT INTO ${s}.rows SELECT g, 'seed' FROM generate_series(1, 3000) g`);
    await putConnector(
      runtime.url,
      `${scope.prefix}-src`,
      cdcProps(scope, {
        'snapshot.mode': 'initial',
        'snapshot.fetch.size': '200',
        'max.batch.size': '200',
      }),
    );
    // Concurrent writers while the snapshot runs: every row must appear exactly once, either
    // in the snapshot (op r) or in the stream (op c), whichever side of the seam it fell on.
    let next = 3001;
    await reader.until('snapshot started', (rs) => (rs.length > 0 ? true : undefined));
    const writer = (async () => {
      while (next <= 3600) {
        await scope.db.query(
          `INSERT INTO ${s}.rows SELECT g, 'live' FROM generate_series($1::int, $1::int + 19) g`,
          [next],
        );
        next += 20;
      }
    })();
    await writer;
    await waitRunning(runtime.url, `${scope.prefix}-src`);
    const events = await reader.until('3600 rows', (rs) => (rs.length >= 3600 ? rs : undefined));
    await new Promise((r) => setTimeout(r, 500));
    const ids = reader.records.map((r) => (payload(r.value)['after'] as { id: number }).id);
    expect(ids.length).toBe(3600);
    expect(new Set(ids).size).toBe(3600);
    const ops = new Set(events.map((r) => payload(r.value)['op']));
    expect(ops).toEqual(new Set(['r', 'c']));
    const live = events.filter((r) => (payload(r.value)['after'] as { v: string }).v === 'live');
    expect(live.every((r) => payload(r.value)['op'] === 'c')).toBe(true);
    const snapshotFlags = events
      .filter((r) => payload(r.value)['op'] === 'r')
      .map((r) => (payload(r.value)['source'] as { snapshot: string }).snapshot);
    expect(snapshotFlags[0]).toBe('first');
    expect(snapshotFlags[snapshotFlags.length - 1]).toBe('last');
  } finally {
    await reader.close();
    await runtime.stop();
    await scope.cleanup();
  }
});
