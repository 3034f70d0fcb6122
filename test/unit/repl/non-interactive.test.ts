import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../server/support/test-server';

const BROOK = join(__dirname, '..', '..', '..', 'bin', 'brook.js');

/** Runs `brook ARGS` with `stdin` piped in (not a terminal); resolves with code and stdout. */
function runBrook(
  args: readonly string[],
  stdin: string,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BROOK, ...args], {
      cwd,
      env: { ...process.env, COLUMNS: '80' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('the REPL without a terminal, and run-script', () => {
  let t: TestServer;
  let dir: string;
  beforeAll(async () => {
    t = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'brook-batch-'));
  });
  afterAll(async () => {
    await t.server.close();
  });

  it('runs the statements read from stdin, prints their results without prompts and exits 0', async () => {
    const script =
      "create stream custstream WITH (kafka_topic='psg-customers', value_format='AVRO');\nshow streams;\nselect nome from custstream emit changes limit 2;\n";
    const res = await runBrook(['--server', t.server.url], script, dir);
    expect(res.code).toBe(0);
    expect(res.stdout).not.toContain('ksql>');
    expect(res.stdout).toContain(
      ' CUSTSTREAM          | psg-customers               | KAFKA      | AVRO         | false    ',
    );
    expect(res.stdout).toContain('|Scott Johnson');
    expect(res.stdout).toContain('Limit Reached\nQuery terminated\n');
  });

  it('stops at the first error, prints it with the caret and exits 1', async () => {
    const script =
      "show topics;\ndescribe nope;\ncreate stream never_made WITH (kafka_topic='x', value_format='JSON');\n";
    const res = await runBrook(['repl', '--server', t.server.url], script, dir);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain(
      'line 1:10: NOPE does not exist.\n1 | describe nope;\n  |          ^^^^\n',
    );
    expect(await t.engine.statuses()).not.toHaveProperty('stream/`NEVER_MADE`/create');
  });

  it('exits 1 when the server cannot be reached', async () => {
    const res = await runBrook(['--server', 'http://127.0.0.1:1'], 'show topics;\n', dir);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('Could not reach the server at http://127.0.0.1:1');
  });

  it('run-script runs a file; DEFINE travels as sessionVariables, RUN SCRIPT nests, SPOOL copies output, OUTPUT JSON switches format', async () => {
    writeFileSync(join(dir, 'inner.sql'), 'show connectors;\n');
    writeFileSync(
      join(dir, 'main.sql'),
      [
        "DEFINE topic = 'psg-customers';",
        'SPOOL spooled.txt;',
        "RUN SCRIPT 'inner.sql';",
        'SPOOL OFF;',
        'OUTPUT JSON;',
        'show tables;',
      ].join('\n'),
    );
    const res = await runBrook(['run-script', 'main.sql', '--server', t.server.url], '', dir);
    expect(res.code).toBe(0);
    expect(t.engine.contexts.at(-1)?.sessionVariables).toEqual({ topic: 'psg-customers' });
    expect(readFileSync(join(dir, 'spooled.txt'), 'utf8')).toContain(' psg-connector  | SOURCE |');
    expect(res.stdout).toContain('"@type": "tables"');
    expect(readFileSync(join(dir, 'spooled.txt'), 'utf8')).not.toContain('"@type"');
  });

  it('run-script exits 1 for a missing file', async () => {
    const res = await runBrook(['run-script', 'missing.sql', '--server', t.server.url], '', dir);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Could not read missing.sql');
  });
});
