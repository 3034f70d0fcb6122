import { existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileScript, isSqlError, type CompiledStatement } from '../../sql';
import { explainScript } from '../../src/explain';
import { validateTopologySpec } from '../../topology/spec';

/**
 * Golden plans: every `<name>.sql` here is planned offline. A script that plans yields
 * `<name>.plan.json` (the TopologySpecs of its queries) and `<name>.topology.txt` (the
 * `brook explain` text); a rejected script yields `<name>.error.txt` (the rendered error).
 * `UPDATE_GOLDEN=1 npx jest test/golden` rewrites the expected files.
 */
const DIR = __dirname;
const update = process.env.UPDATE_GOLDEN === '1';
const scripts = readdirSync(DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort();

function planJson(sql: string): string | undefined {
  try {
    const queries = compileScript(sql).flatMap(({ compiled }) => specOf(compiled));
    return `${JSON.stringify(queries, null, 2)}\n`;
  } catch (error) {
    if (isSqlError(error)) return undefined;
    throw error;
  }
}

function specOf(c: CompiledStatement): unknown[] {
  if (c.kind !== 'PersistentQuery' && c.kind !== 'TransientQuery') return [];
  expect(validateTopologySpec(c.query.topology)).toEqual([]);
  return [c.query.topology];
}

function check(file: string, actual: string | undefined): void {
  const path = join(DIR, file);
  if (update) {
    if (actual === undefined) {
      if (existsSync(path)) unlinkSync(path);
    } else writeFileSync(path, actual);
    return;
  }
  if (actual === undefined) {
    expect(existsSync(path)).toBe(false);
    return;
  }
  expect(actual).toEqual(readFileSync(path, 'utf8'));
}

describe('golden plans', () => {
  it('has at least 40 planned queries and some rejected scripts', () => {
    const planned = scripts.filter((f) => !f.startsWith('error-'));
    expect(planned.length).toBeGreaterThanOrEqual(40);
    expect(scripts.some((f) => f.startsWith('error-'))).toBe(true);
  });

  it.each(scripts)('%s plans as recorded', (file) => {
    const sql = readFileSync(join(DIR, file), 'utf8');
    const base = file.replace(/\.sql$/, '');
    const result = explainScript(sql, { fileName: file });
    if (base.startsWith('error-')) expect(result.error).toBeDefined();
    else expect(result.error).toBeUndefined();
    check(`${base}.topology.txt`, result.error === undefined ? result.output : undefined);
    check(`${base}.error.txt`, result.error === undefined ? undefined : `${result.error}\n`);
    check(`${base}.plan.json`, result.error === undefined ? planJson(sql) : undefined);
  });
});
