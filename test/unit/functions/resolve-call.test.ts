import {
  FunctionResolutionError,
  IntervalUnitArg,
  NullArg,
  describeFunction,
  lambdaArg,
  listFunctions,
  resolveCall,
  showFunctions,
} from '../../../sql/functions';
import { implementedFunctionNames } from '../../../topology/functions';
import { SqlTypes as T, formatSqlType } from '../../../topology/spec';

const ret = (name: string, args: Parameters<typeof resolveCall>[1]) =>
  formatSqlType(resolveCall(name, args).returnType);

describe('function signatures and call resolution', () => {
  it('prefers exact matches and widens INT -> BIGINT -> DECIMAL -> DOUBLE otherwise', () => {
    expect(ret('ABS', [T.integer])).toBe('INTEGER');
    expect(resolveCall('SQRT', [T.integer]).argTypes).toEqual([T.double]);
    expect(resolveCall('GREATEST', [T.integer, T.bigint]).returnType).toEqual(T.bigint);
    expect(ret('GREATEST', [T.decimal(5, 2), T.integer])).toBe('DECIMAL(12, 2)');
  });

  it('derives aggregate return types from their arguments', () => {
    expect(ret('SUM', [T.integer])).toBe('INTEGER');
    expect(ret('SUM', [T.decimal(4, 1)])).toBe('DECIMAL(4, 1)');
    expect(ret('AVG', [T.bigint])).toBe('DOUBLE');
    expect(ret('COUNT', [])).toBe('BIGINT');
    expect(ret('COLLECT_LIST', [T.struct([{ name: 'A', type: T.string }])])).toBe(
      'ARRAY<STRUCT<`A` STRING>>',
    );
    expect(ret('LATEST_BY_OFFSET', [T.integer, T.boolean])).toBe('INTEGER');
    expect(ret('LATEST_BY_OFFSET', [T.integer, T.integer, T.boolean])).toBe('ARRAY<INTEGER>');
    expect(ret('HISTOGRAM', [T.string])).toBe('MAP<STRING, BIGINT>');
    expect(ret('TOPK', [T.double, T.integer])).toBe('ARRAY<DOUBLE>');
  });

  it('types DECIMAL rounding like ksqlDB', () => {
    expect(ret('ROUND', [T.decimal(33, 16)])).toBe('DECIMAL(17, 0)');
    expect(ret('ROUND', [T.decimal(2, 2)])).toBe('DECIMAL(1, 0)');
    expect(ret('ROUND', [T.decimal(33, 16), T.integer])).toBe('DECIMAL(33, 16)');
    expect(ret('ROUND', [T.double])).toBe('BIGINT');
    expect(ret('FLOOR', [T.decimal(2, 1)])).toBe('DECIMAL(2, 1)');
    expect(ret('CEIL', [T.decimal(2, 1)])).toBe('DECIMAL(2, 1)');
  });

  it('binds generics and types lambda bodies with the bound parameter types', () => {
    const seen: string[] = [];
    const body = lambdaArg(2, (params) => {
      seen.push(params.map(formatSqlType).join(','));
      return T.bigint;
    });
    expect(ret('REDUCE', [T.array(T.bigint), T.integer, body])).toBe('BIGINT');
    expect(seen[0]).toBe('INTEGER,BIGINT');
    expect(
      ret('TRANSFORM', [
        T.map(T.string, T.integer),
        lambdaArg(2, (p) => p[1]!),
        lambdaArg(2, () => T.string),
      ]),
    ).toBe('MAP<INTEGER, STRING>');
    expect(ret('ENTRIES', [T.map(T.string, T.double), T.boolean])).toBe(
      'ARRAY<STRUCT<`K` STRING, `V` DOUBLE>>',
    );
  });

  it('accepts untyped NULLs and time unit keywords', () => {
    expect(ret('CONCAT_WS', [T.string, T.string, NullArg, T.string])).toBe('STRING');
    expect(ret('DATEADD', [IntervalUnitArg, T.integer, T.date])).toBe('DATE');
  });

  it('explains a mismatch the way ksqlDB does, listing the alternatives', () => {
    expect(() => resolveCall('dateadd', [T.date, T.integer, T.date])).toThrow(
      "Function 'dateadd' does not accept parameters (DATE, INTEGER, DATE).",
    );
    expect(() => resolveCall('EXPLODE', [T.map(T.string, T.integer)])).toThrow(
      "Function 'explode' does not accept parameters (MAP<STRING, INTEGER>).\nValid alternatives are:\nexplode(ARRAY<DECIMAL> input)\nexplode(ARRAY<T> list)",
    );
    expect(() => resolveCall('coalesce', [])).toThrow(
      "Function 'COALESCE' does not accept parameters ().",
    );
    expect(() => resolveCall('NO_SUCH_FN', [])).toThrow(FunctionResolutionError);
  });

  it('lists and describes functions for SHOW FUNCTIONS and DESCRIBE FUNCTION', () => {
    expect(showFunctions().find((f) => f.name === 'COUNT')).toEqual({
      name: 'COUNT',
      type: 'AGGREGATE',
      category: 'AGGREGATE',
    });
    const substring = describeFunction('substring')!;
    expect(substring.functions.map((f) => f.signature)).toContain(
      'substring(STRING str, INT pos, INT length) => STRING',
    );
    expect(describeFunction('concat')!.functions[0]!.arguments[0]).toMatchObject({
      isVariadic: true,
      type: 'STRING[]',
    });
  });

  it('every declared function has an implementation of the same kind, and vice versa', () => {
    const implemented = implementedFunctionNames();
    const declared = { scalar: [] as string[], aggregate: [] as string[], table: [] as string[] };
    for (const def of listFunctions()) declared[def.kind].push(def.name);
    for (const kind of ['scalar', 'aggregate', 'table'] as const) {
      expect([...implemented[kind]].sort()).toEqual(declared[kind].sort());
    }
  });
});
