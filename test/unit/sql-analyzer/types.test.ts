import {
  arithmeticResultType,
  commonType,
  decimalLiteralType,
  integerLiteralType,
  numericStringType,
  widenNumeric,
} from '../../../sql/analyzer';
import { SqlTypes } from '../../../topology/spec';
import { STREAM, sinkSchema } from './helpers';

const dec = (precision: number, scale: number) => SqlTypes.decimal(precision, scale);

describe('type rules', () => {
  it('types integer literals INTEGER, then BIGINT past 32 bits', () => {
    expect(integerLiteralType('2147483647')).toEqual(SqlTypes.integer);
    expect(integerLiteralType('4294967296')).toEqual(SqlTypes.bigint);
  });

  it('types decimal literals with their written precision and scale', () => {
    expect(decimalLiteralType('1.10')).toEqual(dec(3, 2));
    expect(decimalLiteralType('0.5')).toEqual(dec(1, 1));
    expect(decimalLiteralType('12.0')).toEqual(dec(3, 1));
  });

  it('widens INTEGER < BIGINT < DECIMAL < DOUBLE', () => {
    expect(widenNumeric(SqlTypes.integer, SqlTypes.bigint)).toEqual(SqlTypes.bigint);
    expect(widenNumeric(SqlTypes.bigint, dec(4, 2))).toEqual(dec(21, 2));
    expect(widenNumeric(dec(4, 2), SqlTypes.double)).toEqual(SqlTypes.double);
  });

  it('derives DECIMAL arithmetic precision and scale', () => {
    expect(arithmeticResultType('+', dec(4, 2), dec(6, 3))).toEqual(dec(7, 3));
    expect(arithmeticResultType('*', dec(4, 2), dec(3, 1))).toEqual(dec(8, 3));
    expect(arithmeticResultType('/', dec(4, 2), dec(3, 1))).toEqual(dec(9, 6));
    expect(arithmeticResultType('%', dec(4, 2), dec(3, 1))).toEqual(dec(4, 2));
    expect(arithmeticResultType('+', SqlTypes.integer, dec(4, 2))).toEqual(dec(13, 2));
  });

  it('types string literals coerced to numbers', () => {
    expect(numericStringType('2e1')).toEqual(dec(2, 0));
    expect(numericStringType('12')).toEqual(SqlTypes.integer);
    expect(numericStringType('not a number')).toBeUndefined();
  });

  it('merges struct types field by field', () => {
    const a = SqlTypes.struct([{ name: 'X', type: SqlTypes.integer }]);
    const b = SqlTypes.struct([
      { name: 'X', type: SqlTypes.bigint },
      { name: 'Y', type: SqlTypes.string },
    ]);
    expect(commonType(a, b)).toEqual(
      SqlTypes.struct([
        { name: 'X', type: SqlTypes.bigint },
        { name: 'Y', type: SqlTypes.string },
      ]),
    );
  });

  it('types arrays of mixed numbers and numeric strings as ksqlDB does', () => {
    expect(
      sinkSchema(
        `${STREAM}CREATE STREAM O AS SELECT ID, ARRAY[NULL, 10, '2e1', ID, V] AS L FROM S;`,
      ),
    ).toBe('ID INTEGER KEY, L ARRAY<DECIMAL(19, 0)>');
  });

  it('types CASE as the common type of its branches and concatenates strings with +', () => {
    expect(
      sinkSchema(
        `${STREAM}CREATE STREAM O AS SELECT ID, CASE WHEN V > 1 THEN ID ELSE V END AS C, NAME + '!' AS E FROM S;`,
      ),
    ).toBe('ID INTEGER KEY, C BIGINT, E STRING');
  });

  it('resolves custom types from CREATE TYPE', () => {
    const sql =
      "CREATE TYPE ADDR AS STRUCT<CITY STRING>;\nCREATE STREAM P (ID INT KEY, HOME ADDR) WITH (kafka_topic='p', value_format='JSON');\nCREATE STREAM O AS SELECT ID, HOME->CITY FROM P;";
    expect(sinkSchema(sql)).toBe('ID INTEGER KEY, CITY STRING');
  });
});

describe('function calls', () => {
  it('analyses deeply nested calls once per node (linear, not exponential)', () => {
    const nested = Array.from({ length: 24 }).reduce<string>((inner) => `ABS(${inner})`, 'V');
    expect(sinkSchema(`${STREAM}CREATE STREAM O AS SELECT ID, ${nested} AS X FROM S;`)).toBe(
      'ID INTEGER KEY, X BIGINT',
    );
  });

  it('types aggregates nested in scalar calls and scalar calls nested in aggregates', () => {
    expect(
      sinkSchema(
        `${STREAM}CREATE TABLE O AS SELECT NAME, ABS(SUM(V) / COUNT(*)) * 10 AS AVG, MAX(ABS(V)) AS M FROM S GROUP BY NAME;`,
      ),
    ).toBe('NAME STRING PRIMARY KEY, AVG BIGINT, M BIGINT');
  });
});
