import { execFileSync } from 'node:child_process';
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

function restartPostgres(): void {
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', '15', 'main', 'restart'], {
    stdio: 'ignore',
  });
}

test('the connector recovers by itself from a Postgres restart under load, losing no committed change', async () => {
  const scope = await cdcScope('cdc-pgrestart');
  const s = scope.schema;
  const runtime = await startWorker(uniqueName('cdc-pgrestart-worker'));
  const topic = `${scope.prefix}.${s}.ticks`;
  const reader = await TopicReader.open([topic], uniqueName('cdc-pgrestart-reader'));
  try {
    await scope.db.query(`CREATE TABLE ${s}.ticks (id int PRIMARY KEY)`);
    await putConnector(
      runtime.url,
      'pgrestart-src',
      cdcProps(scope, { 'snapshot.mode': 'never', 'retriable.restart.connector.wait.ms': '1000' }),
    );
    await waitRunning(runtime.url, 'pgrestart-src');
    const committed: number[] = [];
    const writer = (async () => {
      for (let id = 1; id <= 400;) {
        try {
          await scope.db.query(`INSERT INTO ${s}.ticks VALUES ($1)`, [id]);
          committed.push(id);
          id += 1;
        } catch {
          // The server is restarting: retry the same row until it commits.
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    })();
    await reader.until('first events', (rs) => (rs.length >= 50 ? true : undefined));
    restartPostgres();
    await writer;
    await reader.until(
      'every committed id',
      (rs) => {
        const seen = new Set(rs.map((r) => (payload(r.value)['after'] as { id: number }).id));
        return committed.every((id) => seen.has(id)) ? true : undefined;
      },
      60_000,
    );
    expect(committed.length).toBe(400);
  } finally {
    await reader.close();
    await runtime.stop();
    await scope.cleanup();
  }
});
