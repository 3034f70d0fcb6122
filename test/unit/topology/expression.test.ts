import Decimal from 'decimal.js';
import {
  builtinFunctions,
  compileExpression,
  type EvalRow,
  type ExpressionError,
} from '../../../topology/expression';
import type { Expression, LogicalSchema, SqlType } from '../../../topology/spec';
import { T, call, cmp, col, lit, ref } from './spec-fixtures';

const schema: LogicalSchema = {
  key: [col('K', T.string)],
  value: [
    col('I', T.integer),
    col('B', T.bigint),
    col('D', T.decimal(4, 2)),
    col('S', T.string),
    col('N', T.integer),
    col('A', T.array(T.integer)),
  ],
};
const row: EvalRow = {
  key: ['k1'],
  value: [2147483647, 9223372036854775807n, new Decimal('1.25'), 'Hello_World%', null, [1, 2, 3]],
  timestamp: 42,
  topic: 't',
  partition: 3,
  offset: 7,
  window: null,
};

function evaluate(e: Expression): { value: unknown; errors: ExpressionError[] } {
  const errors: ExpressionError[] = [];
  const fn = compileExpression(e, {
    schema,
    functions: builtinFunctions,
    config: {},
    onError: (err) => errors.push(err),
  });
  return { value: fn(row), errors };
}
const arith = (
  op: '+' | '-' | '*' | '/' | '%',
  left: Expression,
  right: Expression,
  type: SqlType,
): Expression => ({ kind: 'Arithmetic', op, left, right, type });
const I = ref('I', T.integer);
const N = ref('N', T.integer);

describe('expression compiler', () => {
  it('wraps INTEGER and BIGINT overflow like Java', () => {
    expect(evaluate(arith('+', I, lit(1, T.integer), T.integer)).value).toBe(-2147483648);
    expect(evaluate(arith('+', ref('B', T.bigint), lit('1', T.bigint), T.bigint)).value).toBe(
      -9223372036854775808n,
    );
  });

  it('widens INTEGER to BIGINT and DOUBLE per the node type', () => {
    expect(evaluate(arith('+', I, lit('1', T.bigint), T.bigint)).value).toBe(2147483648n);
    expect(evaluate(arith('/', lit(1, T.integer), lit(4, T.double), T.double)).value).toBe(0.25);
  });

  it('yields NULL and logs integral division by zero', () => {
    const { value, errors } = evaluate(arith('/', I, lit(0, T.integer), T.integer));
    expect(value).toBeNull();
    expect(errors[0]?.message).toContain('/ by zero');
  });

  it('keeps DECIMAL results at the result scale, rounding HALF_UP', () => {
    const sum = evaluate(
      arith('+', ref('D', T.decimal(4, 2)), lit('0.1', T.decimal(2, 1)), T.decimal(5, 2)),
    ).value as Decimal;
    expect(sum.toFixed(2)).toBe('1.35');
    const quotient = evaluate(
      arith('/', ref('D', T.decimal(4, 2)), lit('3', T.decimal(1, 0)), T.decimal(9, 6)),
    ).value as Decimal;
    expect(quotient.toFixed(6)).toBe('0.416667');
  });

  it('propagates NULL through arithmetic, makes comparisons with NULL false (as ksqlDB), three-valued AND/OR', () => {
    const unknown = lit(null, T.boolean);
    const and = (l: Expression, r: Expression): Expression => ({
      kind: 'LogicalBinary',
      op: 'AND',
      left: l,
      right: r,
      type: T.boolean,
    });
    expect(evaluate(arith('+', N, lit(1, T.integer), T.integer)).value).toBeNull();
    expect(evaluate(cmp('=', N, lit(1, T.integer))).value).toBe(false);
    expect(evaluate(cmp('<>', N, lit(1, T.integer))).value).toBe(false);
    expect(evaluate(and(unknown, lit(false, T.boolean))).value).toBe(false);
    expect(evaluate(and(unknown, lit(true, T.boolean))).value).toBeNull();
  });

  it('IN ignores NULL list items and is false for a NULL operand', () => {
    const inList = (operand: Expression, list: Expression[]): Expression => ({
      kind: 'In',
      negated: false,
      operand,
      list,
      type: T.boolean,
    });
    expect(evaluate(inList(lit(5, T.integer), [lit(1, T.integer), lit(5, T.integer)])).value).toBe(
      true,
    );
    expect(evaluate(inList(lit(5, T.integer), [lit(1, T.integer), N])).value).toBe(false);
    expect(evaluate(inList(N, [lit(1, T.integer)])).value).toBe(false);
  });

  it('a failing function call is NULL where it stands, the rest of the expression survives', () => {
    const map: Expression = {
      kind: 'MapConstructor',
      entries: [
        {
          key: lit('boo', T.string),
          value: call('STRINGTODATE', [ref('S', T.string), lit('yyyyMMdd', T.string)], T.integer),
        },
        { key: lit('shoe', T.string), value: lit(3, T.integer) },
      ],
      type: T.map(T.string, T.integer),
    };
    const { value, errors } = evaluate(map);
    expect(value).toEqual(
      new Map<string, unknown>([
        ['boo', null],
        ['shoe', 3],
      ]),
    );
    expect(errors).toHaveLength(1);
  });

  it('matches LIKE with wildcards and an escape character', () => {
    const like = (pattern: string, escape: string | null): Expression => ({
      kind: 'Like',
      negated: false,
      operand: ref('S', T.string),
      pattern: lit(pattern, T.string),
      escape,
      type: T.boolean,
    });
    expect(evaluate(like('Hello%', null)).value).toBe(true);
    expect(evaluate(like('Hello!_W%!%', '!')).value).toBe(true);
    expect(evaluate(like('hello%', null)).value).toBe(false);
    expect(evaluate(like('Hello_World_', null)).value).toBe(true);
  });

  it('casts with ksqlDB rules and logs failed casts', () => {
    const cast = (operand: Expression, type: SqlType): Expression => ({
      kind: 'Cast',
      operand,
      type,
    });
    expect(evaluate(cast(lit(' 12 ', T.string), T.integer)).value).toBe(12);
    expect(evaluate(cast(lit(3.99, T.double), T.integer)).value).toBe(3);
    expect(evaluate(cast(lit(1, T.double), T.string)).value).toBe('1.0');
    expect(
      (evaluate(cast(lit(1.005, T.double), T.decimal(4, 2))).value as Decimal).toFixed(2),
    ).toBe('1.01');
    expect(evaluate(cast(lit(0, T.timestamp), T.string)).value).toBe('1970-01-01T00:00:00.000');
    const bad = evaluate(cast(lit('x1', T.string), T.integer));
    expect(bad.value).toBeNull();
    expect(bad.errors).toHaveLength(1);
  });

  it('subscripts arrays from 1 and from the end, and reads pseudo columns', () => {
    const sub = (index: number): Expression => ({
      kind: 'Subscript',
      base: ref('A', T.array(T.integer)),
      index: lit(index, T.integer),
      type: T.integer,
    });
    expect(evaluate(sub(1)).value).toBe(1);
    expect(evaluate(sub(-1)).value).toBe(3);
    expect(evaluate(sub(4)).value).toBeNull();
    expect(evaluate({ kind: 'PseudoColumn', name: 'ROWTIME', type: T.bigint }).value).toBe(42n);
    expect(evaluate({ kind: 'PseudoColumn', name: 'ROWPARTITION', type: T.integer }).value).toBe(3);
    expect(
      evaluate({ kind: 'PseudoColumn', name: 'WINDOWSTART', type: T.bigint }).value,
    ).toBeNull();
  });

  it('passes lambdas to higher-order functions', () => {
    const lambda: Expression = {
      kind: 'Lambda',
      params: [{ name: 'X', type: T.integer }],
      body: arith(
        '*',
        { kind: 'LambdaVariable', name: 'X', type: T.integer },
        lit(10, T.integer),
        T.integer,
      ),
      type: T.integer,
    };
    expect(
      evaluate(call('TRANSFORM', [ref('A', T.array(T.integer)), lambda], T.array(T.integer))).value,
    ).toEqual([10, 20, 30]);
  });

  it('builds structs, maps and arrays and dereferences struct fields', () => {
    const struct: Expression = {
      kind: 'StructConstructor',
      fields: [{ name: 'F', value: ref('K', T.string) }],
      type: T.struct([{ name: 'F', type: T.string }]),
    };
    expect(evaluate({ kind: 'Dereference', base: struct, field: 'F', type: T.string }).value).toBe(
      'k1',
    );
    const map: Expression = {
      kind: 'MapConstructor',
      entries: [{ key: lit('a', T.string), value: I }],
      type: T.map(T.string, T.integer),
    };
    expect(
      evaluate({ kind: 'Subscript', base: map, index: lit('a', T.string), type: T.integer }).value,
    ).toBe(2147483647);
  });

  it('searched CASE picks the first true branch, else the ELSE', () => {
    const e: Expression = {
      kind: 'Case',
      whens: [
        { condition: cmp('=', N, lit(1, T.integer)), result: lit('null-branch', T.string) },
        { condition: cmp('>', I, lit(0, T.integer)), result: lit('positive', T.string) },
      ],
      else: lit('other', T.string),
      type: T.string,
    };
    expect(evaluate(e).value).toBe('positive');
  });
});
