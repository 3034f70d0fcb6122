import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileScript, type SchemaInference } from '../../sql';
import { SqlTypes } from '../../topology/spec';

/** The README's `sql` examples plan as the README says; a README that drifts fails here. */
const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Using Brook'),
  readme.indexOf('## The local stack'),
);
const sqlBlocks = [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

/** The columns the JDBC source's Avro schema gives `psg-customers`, as the registry would. */
const seedRegistry: SchemaInference = {
  inferColumns: ({ topic, side }) =>
    topic === 'psg-customers' && side === 'VALUE'
      ? {
          unwrapped: false,
          columns: [
            { name: 'ID', type: SqlTypes.integer },
            { name: 'NOME', type: SqlTypes.string },
            { name: 'TELEFONE', type: SqlTypes.string },
            { name: 'EMAIL', type: SqlTypes.string },
            { name: 'NASCIMENTO', type: SqlTypes.bigint },
            { name: 'DT_UPDATE', type: SqlTypes.bigint },
          ],
        }
      : undefined,
};

describe('README examples', () => {
  it('has the examples this test runs', () => {
    expect(sqlBlocks).toHaveLength(2);
  });

  it('plans the orders example into a filter stream and a windowed table', () => {
    const compiled = compileScript(sqlBlocks[0]!).map((s) => s.compiled);
    expect(compiled.map((c) => c.kind)).toEqual([
      'CreateSource',
      'PersistentQuery',
      'PersistentQuery',
    ]);
    const [, paid, revenue] = compiled;
    expect(paid?.kind === 'PersistentQuery' && paid.query.queryId).toBe('CSAS_PAID_ORDERS_0');
    expect(
      revenue?.kind === 'PersistentQuery' && revenue.query.topology.steps.map((s) => s.kind),
    ).toContain('StreamWindowedAggregate');
  });

  it('plans seed 003 session statements over the inferred Avro columns', () => {
    const compiled = compileScript(sqlBlocks[1]!, { schemaInference: seedRegistry }).map(
      (s) => s.compiled,
    );
    expect(compiled.map((c) => c.kind)).toEqual(['CreateSource', 'TransientQuery']);
    const select = compiled[1];
    expect(select?.kind === 'TransientQuery' && select.columns.map((c) => c.name)).toEqual([
      'NOME',
      'TELEFONE',
      'EMAIL',
      'DT_NASCIMENTO',
      'DT_UPDT_CONV',
    ]);
  });
});
