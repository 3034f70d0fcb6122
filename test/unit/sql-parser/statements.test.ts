import { durationMillis, stripSpans } from '../../../sql/ast';
import { parseStatement, parseStatements } from '../../../sql/parser';

const parse = (sql: string): unknown => stripSpans(parseStatement(sql));

describe('statement parser', () => {
  it('parses CREATE STREAM with key, header and typed value columns', () => {
    expect(
      parse(
        "create stream Orders (id INT KEY, h BYTES HEADER('trace'), hs ARRAY<STRUCT<key STRING, value BYTES>> HEADERS, amount DECIMAL(10,2)) with (kafka_topic='orders', Value_Format='json', partitions=3, wrap_single_value=false)",
      ),
    ).toMatchObject({
      kind: 'CreateSource',
      sourceType: 'STREAM',
      isSource: false,
      orReplace: false,
      name: { name: 'ORDERS', text: 'Orders' },
      columns: [
        {
          name: { name: 'ID' },
          type: { kind: 'PrimitiveType', name: 'INTEGER' },
          constraint: 'KEY',
        },
        { name: { name: 'H' }, constraint: 'HEADER', headerKey: 'trace' },
        { name: { name: 'HS' }, constraint: 'HEADERS' },
        { type: { kind: 'DecimalType', precision: 10, scale: 2 }, constraint: 'NONE' },
      ],
      properties: [
        {
          key: 'KAFKA_TOPIC',
          rawKey: 'kafka_topic',
          value: { kind: 'StringLiteral', value: 'orders' },
        },
        { key: 'VALUE_FORMAT', rawKey: 'Value_Format', value: { value: 'json' } },
        { key: 'PARTITIONS', value: { kind: 'IntegerLiteral', text: '3' } },
        { key: 'WRAP_SINGLE_VALUE', value: { kind: 'BooleanLiteral', value: false } },
      ],
    });
  });

  it('parses CREATE STREAM without columns (schema from the registry)', () => {
    expect(
      parse("CREATE STREAM c WITH (kafka_topic='customers', value_format='AVRO')"),
    ).toMatchObject({
      kind: 'CreateSource',
      columns: [],
    });
  });

  it('tells CTAS from CREATE TABLE and keeps WITH properties before AS', () => {
    expect(
      parse("CREATE TABLE t WITH (kafka_topic='t') AS SELECT k, COUNT(*) FROM s GROUP BY k"),
    ).toMatchObject({
      kind: 'CreateAsSelect',
      sourceType: 'TABLE',
      properties: [{ key: 'KAFKA_TOPIC' }],
      query: { kind: 'Query', groupBy: [{ kind: 'ColumnRef' }] },
    });
  });

  it('nests joins to the left and keeps WITHIN and GRACE PERIOD', () => {
    const statement = parseStatement(
      'SELECT * FROM a JOIN b WITHIN (1 SECOND, 2 MINUTES) GRACE PERIOD 3 HOURS ON a.id = b.id LEFT JOIN c ON a.id = c.id EMIT CHANGES',
    );
    expect(stripSpans(statement)).toMatchObject({
      kind: 'Query',
      emit: 'CHANGES',
      from: {
        kind: 'Join',
        joinType: 'LEFT',
        left: {
          kind: 'Join',
          joinType: 'INNER',
          within: {
            before: { value: 1, unit: 'SECONDS' },
            after: { value: 2, unit: 'MINUTES' },
            grace: { unit: 'HOURS' },
          },
        },
        right: { name: { name: 'C' } },
      },
    });
  });

  it('parses windows with their options in any order', () => {
    expect(
      parse(
        'SELECT k, COUNT(*) FROM s WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 0 SECONDS, RETENTION 2 DAYS) GROUP BY k',
      ),
    ).toMatchObject({
      window: {
        kind: 'TumblingWindow',
        size: { value: 1, unit: 'MINUTES' },
        grace: { value: 0 },
        retention: { unit: 'DAYS' },
      },
    });
    expect(
      parse(
        'SELECT k FROM s WINDOW HOPPING (SIZE 5 MILLISECONDS, ADVANCE BY 2 MILLISECONDS) GROUP BY k',
      ),
    ).toMatchObject({
      window: { kind: 'HoppingWindow', advance: { value: 2, unit: 'MILLISECONDS' } },
    });
    expect(parse('SELECT k FROM s WINDOW SESSION (30 SECONDS) GROUP BY k')).toMatchObject({
      window: { kind: 'SessionWindow', gap: { value: 30 } },
    });
    expect(durationMillis({ value: 2, unit: 'HOURS' })).toBe(7_200_000);
  });

  it('treats a parenthesised GROUP BY list like a bare one', () => {
    const bare = parseStatement('SELECT a, b FROM s GROUP BY a, b');
    const parenthesised = parseStatement('SELECT a, b FROM s GROUP BY (a, b)');
    expect(stripSpans(parenthesised)).toEqual(stripSpans(bare));
    expect(parse('SELECT a FROM s GROUP BY (a + 1) * 2')).toMatchObject({
      groupBy: [{ kind: 'Arithmetic', operator: '*' }],
    });
  });

  it('distinguishes pull queries (no EMIT) from push queries', () => {
    expect(parse('SELECT * FROM t WHERE k = 1')).not.toHaveProperty('emit');
    expect(parse('SELECT * FROM t EMIT FINAL LIMIT 3')).toMatchObject({ emit: 'FINAL', limit: 3 });
  });

  it('parses select items: aliases with and without AS, s.*, struct->*', () => {
    expect(parse('SELECT a x, b AS `Y`, s.*, v->* FROM s')).toMatchObject({
      select: [
        { kind: 'SelectColumn', alias: { name: 'X' } },
        { kind: 'SelectColumn', alias: { name: 'Y', quote: 'backtick' } },
        { kind: 'SelectAll', source: { name: 'S' } },
        { kind: 'SelectStructAll', base: { kind: 'ColumnRef' } },
      ],
    });
  });

  it('parses INSERT VALUES with and without a column list', () => {
    expect(parse("INSERT INTO s (a, b) VALUES (1, 'x')")).toMatchObject({
      kind: 'InsertValues',
      columns: [{ name: 'A' }, { name: 'B' }],
    });
    expect(parse('INSERT INTO s VALUES (1)')).not.toHaveProperty('columns');
  });

  it('parses PRINT with bare dashed, quoted and mixed-case topic names', () => {
    expect(parse('PRINT psg-customers FROM BEGINNING LIMIT 3')).toMatchObject({
      topic: { name: 'psg-customers', quote: 'none' },
      fromBeginning: true,
      limit: 3,
    });
    expect(parse("PRINT 'My-Topic' SAMPLE 2")).toMatchObject({
      topic: { name: 'My-Topic', quote: 'single' },
      interval: 2,
    });
    expect(parse('PRINT kafka-orders.v1')).toMatchObject({ topic: { name: 'kafka-orders.v1' } });
  });

  it('keeps connector config keys as written', () => {
    expect(
      parse(
        "CREATE SOURCE CONNECTOR `pg-src` WITH ('connector.class'='x', \"tasks.max\"='1', topic.prefix='p')",
      ),
    ).toMatchObject({
      kind: 'CreateConnector',
      connectorType: 'SOURCE',
      name: { name: 'pg-src' },
      properties: [{ rawKey: 'connector.class' }, { rawKey: 'tasks.max' }, { kind: 'Property' }],
    });
  });

  it('parses EXPLAIN of a statement and of a query id', () => {
    expect(parse('EXPLAIN SELECT * FROM s')).toMatchObject({
      kind: 'Explain',
      statement: { kind: 'Query' },
    });
    expect(parse('EXPLAIN CTAS_T_1')).toMatchObject({
      kind: 'Explain',
      queryId: { name: 'CTAS_T_1' },
    });
  });

  it('parses several statements with their exact texts', () => {
    const sql = 'SHOW TOPICS;  DESCRIBE EXTENDED s ;\nTERMINATE ALL';
    expect(parseStatements(sql).map((p) => [p.statement.kind, p.text])).toEqual([
      ['Show', 'SHOW TOPICS'],
      ['DescribeSource', 'DESCRIBE EXTENDED s'],
      ['TerminateQuery', 'TERMINATE ALL'],
    ]);
  });

  it('lets non-reserved keywords be column names', () => {
    expect(parse('SELECT key, value, type, size, timestamp, date, source FROM s')).toMatchObject({
      kind: 'Query',
    });
  });

  it('accepts identifiers that start with digits, as ksqlDB does', () => {
    expect(parse('SELECT ROUND(v, -1) AS 1R FROM s')).toMatchObject({
      select: [{ alias: { name: '1R' } }],
    });
  });
});
