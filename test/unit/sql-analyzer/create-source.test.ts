import {
  InMemoryCatalog,
  compileScript,
  parseStatements,
  schemaInferenceNeeds,
  type SchemaInference,
} from '../../../sql';
import { compileLast, rejection } from './helpers';

function created(sql: string, inference?: SchemaInference) {
  const catalog = new InMemoryCatalog();
  compileScript(sql, { catalog, ...(inference ? { schemaInference: inference } : {}) });
  return catalog;
}

describe('CREATE STREAM / TABLE', () => {
  it('stores key columns first, formats, partitions and the timestamp column', () => {
    const source = created(
      "CREATE STREAM s (v INT, ts BIGINT, id STRING KEY) WITH (kafka_topic='t', format='JSON', partitions=3, timestamp='ts');",
    ).getSource('S');
    expect(source).toMatchObject({
      kind: 'STREAM',
      topic: 't',
      keyFormat: { format: 'JSON' },
      valueFormat: { format: 'JSON' },
      partitions: 3,
      timestamp: { column: 'TS' },
      readOnly: false,
    });
    expect(source?.columns.map((c) => `${c.name}:${c.namespace}`)).toEqual([
      'ID:KEY',
      'V:VALUE',
      'TS:VALUE',
    ]);
  });

  it('defaults the key format to KAFKA, or to ksql.persistence.default.format.key', () => {
    const sql = "CREATE STREAM s (id INT KEY, v INT) WITH (kafka_topic='t', value_format='JSON');";
    expect(created(sql).getSource('S')?.keyFormat.format).toBe('KAFKA');
    const catalog = new InMemoryCatalog();
    compileScript(sql, { catalog, config: { 'ksql.persistence.default.format.key': 'JSON' } });
    expect(catalog.getSource('S')?.keyFormat.format).toBe('JSON');
  });

  it('records windowed sources and read-only SOURCE streams', () => {
    const catalog = created(
      "CREATE SOURCE TABLE w (k STRING PRIMARY KEY, n BIGINT) WITH (kafka_topic='w', value_format='JSON', window_type='Hopping', window_size='30 SECONDS');",
    );
    expect(catalog.getSource('W')).toMatchObject({
      windowing: { type: 'HOPPING', sizeMs: 30000 },
      readOnly: true,
    });
  });

  it('infers columns from the registry when none are declared', () => {
    const inference: SchemaInference = {
      inferColumns: (r) =>
        r.side === 'VALUE'
          ? {
              columns: [
                { name: 'NOME', type: { kind: 'STRING' } },
                { name: 'DT_UPDATE', type: { kind: 'BIGINT' } },
              ],
              unwrapped: false,
            }
          : undefined,
    };
    const source = created(
      "create stream custstream WITH (kafka_topic='psg-customers', value_format='AVRO');",
      inference,
    ).getSource('CUSTSTREAM');
    expect(source?.columns.map((c) => c.name)).toEqual(['NOME', 'DT_UPDATE']);
  });

  it('rejects a CREATE without columns when nothing can be inferred', () => {
    expect(
      rejection("create stream custstream WITH (kafka_topic='psg-customers', value_format='AVRO');")
        .message,
    ).toBe(
      "Schema for message values on topic 'psg-customers' does not exist in the Schema Registry.",
    );
    expect(rejection("CREATE STREAM s WITH (kafka_topic='t', value_format='JSON');").message).toBe(
      'The statement does not define any columns.',
    );
  });

  it('validates WITH properties', () => {
    expect(rejection("CREATE STREAM s (v INT) WITH (value_format='JSON');").message).toContain(
      'KAFKA_TOPIC',
    );
    expect(rejection("CREATE STREAM s (v INT) WITH (kafka_topic='t');").message).toContain(
      'VALUE_FORMAT',
    );
    expect(
      rejection(
        "CREATE STREAM s (v INT) WITH (kafka_topic='t', format='JSON', key_format='KAFKA');",
      ).message,
    ).toContain("Cannot supply both 'KEY_FORMAT' and 'FORMAT'");
    expect(
      rejection("CREATE STREAM s (v INT) WITH (kafka_topic='t', value_format='XML');").message,
    ).toBe('Unknown format: XML');
    expect(
      rejection(
        "CREATE STREAM s (v INT, w INT) WITH (kafka_topic='t', value_format='JSON', wrap_single_value=false);",
      ).message,
    ).toContain('single-field');
    expect(
      rejection(
        "CREATE STREAM s (v INT) WITH (kafka_topic='t', value_format='JSON', timestamp='nope');",
      ).message,
    ).toContain("'NOPE'");
    expect(
      rejection(
        "CREATE TABLE w (k STRING PRIMARY KEY, n INT) WITH (kafka_topic='w', value_format='JSON', window_type='TUMBLING');",
      ).message,
    ).toContain('WINDOW_SIZE');
  });

  it('rejects an existing name unless IF NOT EXISTS or OR REPLACE', () => {
    const ddl = "CREATE STREAM s (v INT) WITH (kafka_topic='t', value_format='JSON');\n";
    expect(rejection(ddl + ddl).message).toBe(
      "Cannot add stream 'S': A stream with the same name already exists",
    );
    expect(
      compileLast(ddl + ddl.replace('CREATE STREAM', 'CREATE STREAM IF NOT EXISTS')).kind,
    ).toBe('NoOp');
    expect(
      compileLast(ddl + ddl.replace('CREATE STREAM', 'CREATE OR REPLACE STREAM')),
    ).toMatchObject({ kind: 'CreateSource', replace: true });
  });

  it('drops, alters and registers types', () => {
    const ddl = "CREATE STREAM s (v INT) WITH (kafka_topic='t', value_format='JSON');\n";
    expect(compileLast(`${ddl}DROP STREAM s DELETE TOPIC;`)).toEqual({
      kind: 'DropSource',
      name: 'S',
      sourceType: 'STREAM',
      deleteTopic: true,
      topic: 't',
    });
    expect(rejection('DROP STREAM nope;').message).toBe('Stream NOPE does not exist.');
    expect(rejection(`${ddl}DROP TABLE s;`).message).toContain(
      'Incompatible data source type is STREAM',
    );
    const altered = compileLast(`${ddl}ALTER STREAM s ADD COLUMN w STRING;`);
    expect(altered.kind === 'AlterSource' && altered.source.columns.map((c) => c.name)).toEqual([
      'V',
      'W',
    ]);
    expect(compileLast('CREATE TYPE pair AS STRUCT<a INT, b INT>;')).toMatchObject({
      kind: 'CreateType',
      name: 'PAIR',
    });
  });
});

describe('INSERT INTO ... VALUES and EXPLAIN', () => {
  const ddl =
    "CREATE STREAM s (id INT KEY, d DECIMAL(5,2), t STRING) WITH (kafka_topic='t', value_format='JSON');\n";

  it('types and coerces each value to its column', () => {
    const compiled = compileLast(`${ddl}INSERT INTO s (id, d, t) VALUES (1, 2, 'x');`);
    expect(
      compiled.kind === 'InsertValues' &&
        compiled.values.map((v) => [v.column, v.expression.type.kind]),
    ).toEqual([
      ['ID', 'INTEGER'],
      ['D', 'DECIMAL'],
      ['T', 'STRING'],
    ]);
  });

  it('rejects unknown targets with a case hint, and read-only streams', () => {
    const quoted =
      "CREATE STREAM \"input\" (id INT KEY, v STRING) WITH (kafka_topic='t', value_format='JSON');\n";
    expect(rejection(`${quoted}INSERT INTO input (id, v) VALUES (1, 'a');`).message).toContain(
      'Did you mean "input"?',
    );
    expect(
      rejection(
        `${ddl.replace('CREATE STREAM', 'CREATE SOURCE STREAM')}INSERT INTO s VALUES (1, 2, 'x');`,
      ).message,
    ).toBe('Cannot insert values into read-only stream: S');
  });

  it('explains a statement without executing it', () => {
    const compiled = compileLast(`${ddl}EXPLAIN CREATE STREAM o AS SELECT * FROM s;`);
    expect(compiled.kind).toBe('Explain');
    expect(compiled.kind === 'Explain' && compiled.text).toContain('Sub-topology: 0');
  });
});

describe('schemaInferenceNeeds', () => {
  it('lists the registry look-ups a CREATE without columns needs, so the engine can prefetch them', () => {
    const [statement] = parseStatements(
      "create stream custstream WITH (kafka_topic='psg-customers', value_format='AVRO');",
    );
    expect(schemaInferenceNeeds(statement!.statement, {})).toEqual([
      { topic: 'psg-customers', side: 'VALUE', format: 'AVRO' },
    ]);
    const [declared] = parseStatements(
      "CREATE STREAM s (v INT) WITH (kafka_topic='t', format='AVRO');",
    );
    expect(schemaInferenceNeeds(declared!.statement, {})).toEqual([
      { topic: 't', side: 'KEY', format: 'AVRO' },
    ]);
  });
});
