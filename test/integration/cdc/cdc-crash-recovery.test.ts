import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  cdcProps,
  cdcScope,
  payload,
  putConnector,
  TopicReader,
  uniqueName,
  waitRunning,
} from './cdc-harness';

jest.setTimeout(150_000);

function startChild(group: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'worker-child.ts'), group],
    {
      cwd: path.join(__dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\S+)/.exec(out);
      if (m !== null) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

function ids(records: readonly { value: unknown }[]): number[] {
  return records
    .filter((r) => r.value !== null)
    .map((r) => (payload(r.value)['after'] as { id: number }).id);
}

test('a worker killed with SIGKILL mid-stream loses no change after restart', async () => {
  const scope = await cdcScope('cdc-crash');
  const s = scope.schema;
  const group = uniqueName('cdc-crash-worker');
  const topic = `${scope.prefix}.${s}.events`;
  const reader = await TopicReader.open([topic], uniqueName('cdc-crash-reader'));
  let worker = await startChild(group);
  try {
    await scope.db.query(`CREATE TABLE ${s}.events (id int PRIMARY KEY, v text)`);
    await putConnector(
      worker.url,
      'crash-src',
      cdcProps(scope, { 'snapshot.mode': 'never', 'max.batch.size': '50' }),
    );
    await waitRunning(worker.url, 'crash-src');
    let next = 1;
    const insert = async (n: number) => {
      for (let i = 0; i < n; i++, next += 10)
        await scope.db.query(
          `INSERT INTO ${s}.events SELECT g, 'x' FROM generate_series($1::int, $1::int + 9) g`,
          [next],
        );
    };
    await insert(50);
    await reader.until('some events', (rs) => (rs.length >= 100 ? true : undefined));
    worker.child.kill('SIGKILL');
    await insert(50);
    worker = await startChild(group);
    await insert(50);
    const total = next - 1;
    await reader.until(
      `${total} distinct ids`,
      (rs) => (new Set(ids(rs)).size >= total ? true : undefined),
      60_000,
    );
    const seen = ids(reader.records);
    expect(new Set(seen)).toEqual(new Set(Array.from({ length: total }, (_, i) => i + 1)));
  } finally {
    worker.child.kill('SIGKILL');
    await reader.close();
    await scope.cleanup();
  }
});
