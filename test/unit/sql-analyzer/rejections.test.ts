import { AnalysisErrorCodes } from '../../../sql';
import { STREAM, TABLE, rejection } from './helpers';

const ORDERS =
  "CREATE STREAM O (ID INT KEY, C INT, AMOUNT DOUBLE) WITH (kafka_topic='o', value_format='JSON');\n";
const PAY = "CREATE STREAM P (PID INT KEY, OID INT) WITH (kafka_topic='p', value_format='JSON');\n";

describe('rejected statements carry a stable code and a span on the offending node', () => {
  it('points at an unknown column', () => {
    const error = rejection(`${STREAM}CREATE STREAM X AS SELECT ID, BOB FROM S;`);
    expect(error.code).toBe(AnalysisErrorCodes.unknownColumn);
    expect(error.message).toBe("SELECT column 'BOB' cannot be resolved.");
    expect(error.span.start).toMatchObject({ line: 2, column: 31 });
    expect(error.span.end.column).toBe(34);
  });

  it('rejects an unknown source at its name', () => {
    const error = rejection('CREATE STREAM X AS SELECT * FROM NOPE;');
    expect(error.code).toBe(AnalysisErrorCodes.unknownSource);
    expect(error.span.start.column).toBe(34);
  });

  it('requires WITHIN for stream-stream joins', () => {
    const error = rejection(
      `${ORDERS}${PAY}CREATE STREAM X AS SELECT O.ID, PID FROM O JOIN P ON O.ID = P.OID;`,
    );
    expect(error.code).toBe(AnalysisErrorCodes.join);
    expect(error.message).toContain('WITHIN');
  });

  it('rejects table-stream joins and FULL stream-table joins', () => {
    expect(
      rejection(`${STREAM}${TABLE}CREATE TABLE X AS SELECT T.ID, V FROM T JOIN S ON T.ID = S.ID;`)
        .message,
    ).toBe(
      'Invalid join order: table-stream joins are not supported; only stream-table joins. Got T [INNER] JOIN S.',
    );
    expect(
      rejection(
        `${STREAM}${TABLE}CREATE STREAM X AS SELECT S.ID, TV FROM S FULL OUTER JOIN T ON S.ID = T.ID;`,
      ).message,
    ).toContain('full-outer join not supported for stream-table join');
  });

  it('requires stream-table joins on the table primary key', () => {
    const error = rejection(
      `${STREAM}${TABLE}CREATE STREAM X AS SELECT S.ID, TV FROM S JOIN T ON S.ID = T.TV;`,
    );
    expect(error.message).toBe(
      "Invalid join condition: stream-table joins require to join on the table's primary key. Got S.ID = T.TV.",
    );
  });

  it('rejects non-aggregate select expressions outside GROUP BY, at the expression', () => {
    const error = rejection(
      `${STREAM}CREATE TABLE X AS SELECT NAME, V, COUNT(*) FROM S GROUP BY NAME;`,
    );
    expect(error.code).toBe(AnalysisErrorCodes.aggregation);
    expect(error.span.start).toMatchObject({ line: 2, column: 32 });
  });

  it('rejects GROUP BY without aggregates and EMIT FINAL without a window', () => {
    expect(
      rejection(`${STREAM}CREATE TABLE X AS SELECT NAME, V FROM S GROUP BY NAME, V;`).message,
    ).toBe('GROUP BY requires aggregate functions in either the SELECT or HAVING clause.');
    expect(
      rejection(
        `${STREAM}CREATE TABLE X AS SELECT NAME, COUNT(*) AS C FROM S GROUP BY NAME EMIT FINAL;`,
      ).message,
    ).toBe('EMIT FINAL is only supported for windowed aggregations.');
  });

  it('rejects CSAS over a table and CTAS over a stream', () => {
    expect(rejection(`${TABLE}CREATE STREAM X AS SELECT * FROM T;`).code).toBe(
      AnalysisErrorCodes.wrongSourceType,
    );
    expect(rejection(`${STREAM}CREATE TABLE X AS SELECT * FROM S;`).code).toBe(
      AnalysisErrorCodes.wrongSourceType,
    );
  });

  it('rejects types the KAFKA format cannot hold and map keys', () => {
    expect(
      rejection("CREATE STREAM X (A ARRAY<INT>) WITH (kafka_topic='x', value_format='KAFKA');")
        .message,
    ).toBe("The 'KAFKA' format does not support type 'ARRAY'");
    expect(
      rejection(
        "CREATE STREAM X (K MAP<STRING, INT> KEY, V INT) WITH (kafka_topic='x', format='JSON');",
      ).code,
    ).toBe(AnalysisErrorCodes.keyRule);
  });

  it('rejects unknown WITH properties at the property', () => {
    const error = rejection(
      "CREATE STREAM X (V INT) WITH (kafka_topic='x', value_format='JSON', colour='blue');",
    );
    expect(error.code).toBe(AnalysisErrorCodes.invalidProperty);
    expect(error.span.start.column).toBe(69);
  });

  it('requires PRIMARY KEY on tables and KEY (not PRIMARY KEY) on streams', () => {
    expect(
      rejection("CREATE TABLE X (V INT) WITH (kafka_topic='x', value_format='JSON');").message,
    ).toContain('Tables require a PRIMARY KEY');
    expect(
      rejection(
        "CREATE STREAM X (K INT PRIMARY KEY, V INT) WITH (kafka_topic='x', value_format='JSON');",
      ).message,
    ).toContain("please use 'KEY' for streams");
    expect(
      rejection("CREATE TABLE X (K INT KEY, V INT) WITH (kafka_topic='x', value_format='JSON');")
        .message,
    ).toContain("is a 'KEY' column: please use 'PRIMARY KEY' for tables.");
  });

  it('rejects comparisons with NULL and untyped NULL columns', () => {
    expect(rejection(`${STREAM}CREATE STREAM X AS SELECT ID, NULL <> NULL FROM S;`).message).toBe(
      'Comparison with NULL not supported: NULL <> NULL',
    );
    expect(rejection(`${STREAM}CREATE STREAM X AS SELECT ID, NULL AS N FROM S;`).code).toBe(
      AnalysisErrorCodes.nullType,
    );
  });

  it('renders file:line:col, the line and carets', () => {
    const sql = `${STREAM}CREATE STREAM X AS SELECT ID, BOB FROM S;`;
    expect(rejection(sql).render(sql, 'q.sql').split('\n')).toEqual([
      "q.sql:2:31: SELECT column 'BOB' cannot be resolved.",
      '2 | CREATE STREAM X AS SELECT ID, BOB FROM S;',
      '  |                               ^^^',
    ]);
  });

  it('rejects unsupported casts and LIMIT on persistent queries', () => {
    expect(
      rejection(`${STREAM}CREATE STREAM X AS SELECT ID, CAST(ST AS INT) AS C FROM S;`).message,
    ).toBe('Cast of STRUCT<`X` INTEGER, `y` STRING> to INTEGER is not supported');
    expect(rejection(`${STREAM}CREATE STREAM X AS SELECT * FROM S LIMIT 5;`).code).toBe(
      AnalysisErrorCodes.unsupported,
    );
  });
});
