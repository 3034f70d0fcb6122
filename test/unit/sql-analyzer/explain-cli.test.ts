import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function brookExplain(file: string) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'brook.js'), 'explain', file], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('brook explain', () => {
  it("plans seed 003's statements and exits 0", () => {
    const result = brookExplain(join(ROOT, 'test', 'golden', 'seed-003-custstream.sql'));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Creates STREAM CUSTSTREAM');
    expect(result.stdout).toContain('DT_UPDT_CONV');
    expect(result.stdout).toContain('Sub-topology: 0');
  });

  it('prints file:line:col, the line and a caret for the first bad statement and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brook-explain-'));
    const file = join(dir, 'bad.sql');
    writeFileSync(
      file,
      "CREATE STREAM S (ID INT KEY, V INT) WITH (kafka_topic='s', value_format='JSON');\nCREATE STREAM O AS SELECT ID, NOPE FROM S;\n",
    );
    const result = brookExplain(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}:2:31: SELECT column 'NOPE' cannot be resolved.`);
    expect(result.stderr).toContain('2 | CREATE STREAM O AS SELECT ID, NOPE FROM S;');
    expect(result.stderr).toContain('^^^^');
    expect(result.stdout).toContain('Creates STREAM S');
  });
});
