import {
  stripSpans,
  type ExpressionKind,
  type StatementKind,
  type TypeNodeKind,
} from '../../../sql/ast';
import { parseStatement } from '../../../sql/parser';
import { printStatement } from '../../../sql/printer';
import { collectKinds } from './ast-kinds';

/** One or more samples per statement kind, written the way users write them. */
const statements: readonly string[] = [
  `CREATE STREAM orders (id INT KEY, amount DECIMAL(10, 2), tags ARRAY<STRING>, attrs MAP<STRING, BIGINT>, addr STRUCT<street VARCHAR, zip INTEGER>) WITH (kafka_topic='orders', value_format='JSON', partitions=3)`,
  `CREATE OR REPLACE SOURCE TABLE users (\`Id\` BIGINT PRIMARY KEY, name STRING, flag BOOLEAN, d DOUBLE, b BYTES, ts TIMESTAMP, dt DATE, t TIME) WITH (KAFKA_TOPIC='users', FORMAT='AVRO')`,
  `CREATE STREAM IF NOT EXISTS s2 (k STRING KEY, h ARRAY<STRUCT<key STRING, value BYTES>> HEADERS, v BYTES HEADER('trace-id'), c my_type) WITH (kafka_topic='t', value_format='JSON')`,
  `CREATE STREAM inferred WITH (kafka_topic='customers', value_format='AVRO')`,
  `CREATE TABLE totals WITH (kafka_topic='totals', replicas=1, retention_ms=-1) AS SELECT id, SUM(amount) AS total FROM orders WINDOW TUMBLING (SIZE 1 HOUR, RETENTION 7 DAYS, GRACE PERIOD 10 MINUTES) GROUP BY id HAVING SUM(amount) > 100 EMIT CHANGES`,
  `CREATE STREAM enriched AS SELECT o.id, u.name, o->x AS nested FROM orders o LEFT OUTER JOIN users AS u ON o.user_id = u.id PARTITION BY o.id`,
  `CREATE OR REPLACE STREAM IF NOT EXISTS j AS SELECT * FROM a INNER JOIN b WITHIN (1 SECOND, 2 MINUTES) GRACE PERIOD 5 SECONDS ON a.k = b.k FULL JOIN c WITHIN 1 HOUR ON a.k = c.k RIGHT JOIN d ON a.k = d.k`,
  `CREATE TABLE hop AS SELECT k, COUNT(*) FROM s WINDOW HOPPING (SIZE 30 SECONDS, ADVANCE BY 10 SECONDS) GROUP BY k EMIT FINAL`,
  `CREATE TABLE sess AS SELECT k, COUNT(DISTINCT v) AS n FROM s WINDOW SESSION (5 MINUTES, GRACE PERIOD 1 MILLISECOND) GROUP BY (k, v)`,
  `INSERT INTO target SELECT * FROM source WHERE x IS NOT NULL`,
  `INSERT INTO target WITH (QUERY_ID='my_query') SELECT a, b FROM source`,
  `INSERT INTO target (id, name) VALUES (1, 'it''s')`,
  `INSERT INTO "target" VALUES (-1, NULL, TRUE, 1.10, 1.5E3)`,
  `SELECT * FROM users WHERE id = 5`,
  `SELECT s.*, v1->* FROM s EMIT CHANGES LIMIT 10`,
  `DROP STREAM IF EXISTS orders DELETE TOPIC`,
  `DROP TABLE users`,
  `ALTER STREAM orders ADD COLUMN note STRING, ADD COLUMN qty INT`,
  `CREATE TYPE IF NOT EXISTS address AS STRUCT<street STRING, city STRING>`,
  `DROP TYPE IF EXISTS address`,
  `CREATE SOURCE CONNECTOR IF NOT EXISTS jdbc WITH ('connector.class'='io.confluent.connect.jdbc.JdbcSourceConnector', "connection.url"='jdbc:postgresql://localhost/db', 'tasks.max'=1)`,
  `CREATE SINK CONNECTOR gold WITH ('connector.class'='io.confluent.connect.jdbc.JdbcSinkConnector', 'auto.create'=true)`,
  `DROP CONNECTOR IF EXISTS jdbc`,
  `TERMINATE CSAS_ORDERS_CLEAN_3`,
  `TERMINATE ALL`,
  `PAUSE ALL`,
  `RESUME CTAS_TOTALS_1`,
  `SHOW TOPICS`,
  `SHOW ALL TOPICS EXTENDED`,
  `LIST STREAMS EXTENDED`,
  `SHOW TABLES`,
  `SHOW QUERIES EXTENDED`,
  `SHOW SOURCE CONNECTORS`,
  `SHOW CONNECTORS`,
  `SHOW FUNCTIONS`,
  `SHOW PROPERTIES`,
  `SHOW TYPES`,
  `SHOW VARIABLES`,
  `DESCRIBE orders`,
  `DESCRIBE EXTENDED orders`,
  `DESCRIBE STREAMS EXTENDED`,
  `DESCRIBE TABLES`,
  `DESCRIBE FUNCTION SUBSTRING`,
  `DESCRIBE CONNECTOR jdbc`,
  `EXPLAIN SELECT * FROM orders EMIT CHANGES`,
  `EXPLAIN CSAS_ORDERS_CLEAN_3`,
  `PRINT psg-customers FROM BEGINNING INTERVAL 2 LIMIT 5`,
  `PRINT 'rider-locations'`,
  `PRINT \`Mixed.Case\` LIMIT 1`,
  `DEFINE topic = 'orders'`,
  `UNDEFINE topic`,
  `SET 'auto.offset.reset' = 'earliest'`,
  `UNSET 'auto.offset.reset'`,
  `RUN SCRIPT '/tmp/pipeline.sql'`,
  `ASSERT TOPIC orders WITH (partitions=3) TIMEOUT 10 SECONDS`,
  `ASSERT NOT EXISTS TOPIC 'old-topic'`,
  `ASSERT SCHEMA SUBJECT 'orders-value' ID 4 TIMEOUT 3 SECONDS`,
  `ASSERT NOT EXISTS SCHEMA ID 12`,
];

/** Expressions, each inside a SELECT so that every expression kind is exercised in context. */
const expressions: readonly string[] = [
  `'a' || 'b' + c`,
  `1 + 2 * 3 - (4 - 5) % 6 / 7`,
  `-x + +y - - -z`,
  `a = b AND c <> d OR e != f AND NOT g < h`,
  `a <= b AND c >= d AND e > f`,
  `(a OR b) AND c`,
  `NOT (a AND b)`,
  `x IS NULL OR y IS NOT NULL`,
  `x IS DISTINCT FROM y AND x IS NOT DISTINCT FROM z`,
  `x BETWEEN 1 AND 10 AND y NOT BETWEEN a + 1 AND b * 2`,
  `x IN (1, 2, 3) OR y NOT IN ('a')`,
  `name LIKE 'a%' AND name NOT LIKE 'b\\_%' ESCAPE '\\'`,
  `CASE WHEN a > 1 THEN 'big' WHEN a > 0 THEN 'small' ELSE 'none' END`,
  `CASE a WHEN 1 THEN 'one' END`,
  `CAST(a AS DECIMAL(4, 2))`,
  `CAST(m AS MAP<STRING, ARRAY<INT>>)`,
  `a->b->c`,
  `arr[1] + m['key'] + s->list[0]->f`,
  `STRUCT(a := 1, \`B\` := 'x')`,
  `ARRAY[1, 2, 3]`,
  `ARRAY[]`,
  `MAP('k' := 1, 'j' := 2)`,
  `COUNT(*)`,
  `COUNT(DISTINCT x)`,
  `TRANSFORM(arr, x => x * 2)`,
  `REDUCE(arr, 0, (s, x) => s + x)`,
  `TRANSFORM_MAP(m, (k, v) => UCASE(k), (k, v) => v + 1)`,
  `TIMESTAMPADD(SECONDS, 5, ROWTIME)`,
  `s.col + WINDOWSTART + WINDOWEND + ROWPARTITION + ROWOFFSET`,
  `TRUE AND FALSE OR NULL IS NULL`,
  `12345678901234 + 0.10 + 1E-3 + .5`,
  `(a = b) = c`,
  `a - (b - c)`,
  `-(a + b)`,
  `NOT a IS NULL`,
  `(x => x + 1)`,
  `"quoted id" + \`back\`\`tick\``,
];

const roundTrip = (sql: string): void => {
  const first = parseStatement(sql);
  const printed = printStatement(first);
  const second = parseStatement(printed);
  expect(stripSpans(second)).toEqual(stripSpans(first));
  expect(printStatement(second)).toBe(printed);
  const pretty = parseStatement(printStatement(first, { pretty: true }));
  expect(stripSpans(pretty)).toEqual(stripSpans(first));
};

describe('printer round trip: parse(print(parse(x))) equals parse(x) without spans', () => {
  it.each(statements)('statement %s', (sql) => roundTrip(sql));

  it.each(expressions)('expression %s', (expression) =>
    roundTrip(`SELECT ${expression} AS e FROM s EMIT CHANGES`),
  );

  it('prints one clause per line when pretty, and singular units for one', () => {
    const sql =
      "create table t with (kafka_topic='t') as select k, count(*) as n from s window tumbling (size 1 hour, grace period 30 seconds) where x > 1 group by k emit changes";
    expect(printStatement(parseStatement(sql), { pretty: true })).toBe(
      [
        "CREATE TABLE t WITH (kafka_topic='t') AS",
        'SELECT k, count(*) AS n',
        'FROM s',
        'WINDOW TUMBLING (SIZE 1 HOUR, GRACE PERIOD 30 SECONDS)',
        'WHERE x > 1',
        'GROUP BY k',
        'EMIT CHANGES',
      ].join('\n'),
    );
  });

  it('the samples cover every statement kind', () => {
    const all: Record<StatementKind, true> = {
      CreateSource: true,
      CreateAsSelect: true,
      DropSource: true,
      AlterSource: true,
      CreateType: true,
      DropType: true,
      CreateConnector: true,
      DropConnector: true,
      InsertInto: true,
      InsertValues: true,
      Query: true,
      TerminateQuery: true,
      PauseQuery: true,
      ResumeQuery: true,
      Show: true,
      DescribeSource: true,
      DescribeSources: true,
      DescribeFunction: true,
      DescribeConnector: true,
      Explain: true,
      Print: true,
      DefineVariable: true,
      UndefineVariable: true,
      SetProperty: true,
      UnsetProperty: true,
      RunScript: true,
      AssertTopic: true,
      AssertSchema: true,
    };
    const seen = new Set(statements.map((s) => parseStatement(s).kind));
    expect([...seen].sort()).toEqual(Object.keys(all).sort());
  });

  it('the samples cover every expression and type kind', () => {
    const expressionKinds: Record<ExpressionKind, true> = {
      StringLiteral: true,
      IntegerLiteral: true,
      DecimalLiteral: true,
      DoubleLiteral: true,
      BooleanLiteral: true,
      NullLiteral: true,
      ColumnRef: true,
      Arithmetic: true,
      UnaryArithmetic: true,
      Comparison: true,
      Logical: true,
      Not: true,
      IsNull: true,
      Between: true,
      InList: true,
      Like: true,
      Case: true,
      Cast: true,
      Dereference: true,
      Subscript: true,
      StructConstructor: true,
      ArrayConstructor: true,
      MapConstructor: true,
      FunctionCall: true,
      Lambda: true,
      TimeUnitArg: true,
    };
    const typeKinds: Record<TypeNodeKind, true> = {
      PrimitiveType: true,
      DecimalType: true,
      ArrayType: true,
      MapType: true,
      StructType: true,
      CustomType: true,
    };
    const seen = new Set<string>();
    for (const e of expressions) collectKinds(parseStatement(`SELECT ${e} FROM s`), seen);
    for (const s of statements) collectKinds(parseStatement(s), seen);
    for (const kind of [...Object.keys(expressionKinds), ...Object.keys(typeKinds)])
      expect(seen).toContain(kind);
  });
});
