import {
  Arithmetic,
  ArrayConstructor,
  Between,
  BooleanLiteral,
  Case,
  Cast,
  ColumnRef,
  Comparison,
  DecimalLiteral,
  Dereference,
  type Expression,
  FunctionCall,
  Identifier,
  InList,
  IntegerLiteral,
  IsNull,
  Lambda,
  Like,
  Logical,
  Not,
  NullLiteral,
  PrimitiveType,
  StringLiteral,
  Subscript,
  stripSpans,
  UnaryArithmetic,
  WhenClause,
} from '../../../sql/ast';
import { SqlError } from '../../../sql/errors';
import { parseExpression, parseStatements } from '../../../sql/parser';
import { printExpression, printStatements } from '../../../sql/printer';
import { loadQttStatements } from './qtt-statements';

/** mulberry32: a small deterministic PRNG, so every failure reproduces from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = [
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP',
  'BY',
  'HAVING',
  'WINDOW',
  'TUMBLING',
  'HOPPING',
  'SESSION',
  'SIZE',
  'ADVANCE',
  'GRACE',
  'PERIOD',
  'RETENTION',
  'PARTITION',
  'EMIT',
  'CHANGES',
  'FINAL',
  'LIMIT',
  'JOIN',
  'LEFT',
  'OUTER',
  'FULL',
  'INNER',
  'ON',
  'WITHIN',
  'AND',
  'OR',
  'NOT',
  'IS',
  'NULL',
  'TRUE',
  'IN',
  'BETWEEN',
  'LIKE',
  'ESCAPE',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'CAST',
  'AS',
  'WITH',
  'CREATE',
  'OR',
  'REPLACE',
  'STREAM',
  'TABLE',
  'SOURCE',
  'SINK',
  'CONNECTOR',
  'TYPE',
  'INSERT',
  'INTO',
  'VALUES',
  'DROP',
  'IF',
  'EXISTS',
  'DELETE',
  'TOPIC',
  'SHOW',
  'LIST',
  'TOPICS',
  'EXTENDED',
  'DESCRIBE',
  'FUNCTION',
  'EXPLAIN',
  'PRINT',
  'BEGINNING',
  'INTERVAL',
  'DEFINE',
  'UNDEFINE',
  'SET',
  'UNSET',
  'RUN',
  'SCRIPT',
  'ASSERT',
  'SCHEMA',
  'TIMEOUT',
  'ALTER',
  'ADD',
  'COLUMN',
  'KEY',
  'PRIMARY',
  'HEADERS',
  'HEADER',
  'TERMINATE',
  'ALL',
  'PAUSE',
  'RESUME',
  'DISTINCT',
  'STRUCT',
  'ARRAY',
  'MAP',
  'DECIMAL',
  'INT',
  'STRING',
  'SECONDS',
  'HOUR',
  'ROWTIME',
  'x',
  'y',
  'col1',
  '`Q`',
  '"d"',
  "'s'",
  "'it''s'",
  '1',
  '42',
  '1.10',
  '1.5E3',
  '(',
  ')',
  '[',
  ']',
  ',',
  ';',
  '.',
  '*',
  '+',
  '-',
  '/',
  '%',
  '=',
  '<>',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '->',
  '=>',
  ':=',
  '||',
  '--c\n',
  '/*c*/',
  '${v}',
  '#',
  "'open",
];

/** Parses `sql`; true when accepted (and then the printed form must parse back the same). */
function expectOnlySqlErrors(sql: string): boolean {
  let parsed;
  try {
    parsed = parseStatements(sql);
  } catch (error) {
    if (!(error instanceof SqlError))
      throw new Error(`non-SqlError for input: ${sql}`, { cause: error });
    return false;
  }
  const statements = parsed.map((p) => p.statement);
  const reparsed = parseStatements(printStatements(statements)).map((p) => p.statement);
  expect(stripSpans(reparsed)).toEqual(stripSpans(statements));
  return true;
}

function mutate(statement: string, random: () => number): string {
  const at = Math.floor(random() * (statement.length + 1));
  const token = vocabulary[Math.floor(random() * vocabulary.length)] ?? '';
  switch (Math.floor(random() * 6)) {
    case 0:
      return statement.slice(0, at) + statement.slice(at + 1 + Math.floor(random() * 8));
    case 1:
      return `${statement.slice(0, at)} ${token} ${statement.slice(at)}`;
    case 2:
      return statement.slice(0, at);
    case 3:
      return statement.slice(0, at) + statement.slice(Math.floor(random() * statement.length));
    case 4:
      return (
        statement.slice(0, at) +
        String.fromCharCode(Math.floor(random() * 0x3000)) +
        statement.slice(at)
      );
    default:
      return statement.slice(0, at) + statement.slice(at).replace(/\w+/, token);
  }
}

const noSpan = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
const ident = (name: string): Identifier =>
  Identifier.create({ name, text: name, quote: 'none', span: noSpan });

/** A random expression tree; printing it must place exactly the parentheses that keep its shape. */
function randomExpression(random: () => number, depth: number): Expression {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sub = (): Expression => randomExpression(random, depth - 1);
  const span = noSpan;
  if (depth <= 0 || random() < 0.15) {
    return pick<() => Expression>([
      () => ColumnRef.create({ name: ident(pick(['A', 'B', 'ROWTIME'])), span }),
      () => ColumnRef.create({ source: ident('S'), name: ident('C'), span }),
      () => IntegerLiteral.create({ text: pick(['1', '42']), span }),
      () => DecimalLiteral.create({ text: '2.50', span }),
      () => StringLiteral.create({ value: "it's", span }),
      () => NullLiteral.create({ span }),
      () => BooleanLiteral.create({ value: true, span }),
    ])();
  }
  const forms: (() => Expression)[] = [
    () =>
      Arithmetic.create({
        operator: pick(['+', '-', '*', '/', '%', '||'] as const),
        left: sub(),
        right: sub(),
        span,
      }),
    () =>
      Comparison.create({
        operator: pick(['=', '<>', '<', '>=', 'IS DISTINCT FROM'] as const),
        left: sub(),
        right: sub(),
        span,
      }),
    () =>
      Logical.create({ operator: pick(['AND', 'OR'] as const), left: sub(), right: sub(), span }),
    () => Not.create({ operand: sub(), span }),
    () => UnaryArithmetic.create({ operator: pick(['-', '+'] as const), operand: sub(), span }),
    () => IsNull.create({ operand: sub(), negated: random() < 0.5, span }),
    () =>
      Between.create({ operand: sub(), low: sub(), high: sub(), negated: random() < 0.5, span }),
    () => InList.create({ operand: sub(), values: [sub(), sub()], negated: random() < 0.5, span }),
    () => Like.create({ operand: sub(), pattern: sub(), negated: random() < 0.5, span }),
    () =>
      Case.create({
        whens: [WhenClause.create({ condition: sub(), result: sub(), span })],
        else: sub(),
        span,
      }),
    () =>
      Cast.create({ operand: sub(), type: PrimitiveType.create({ name: 'DOUBLE', span }), span }),
    () => Dereference.create({ base: sub(), field: ident('F'), span }),
    () => Subscript.create({ base: sub(), index: sub(), span }),
    () => ArrayConstructor.create({ elements: [sub()], span }),
    () =>
      FunctionCall.create({
        name: ident('F'),
        args: [sub(), Lambda.create({ params: [ident('X')], body: sub(), span })],
        distinct: false,
        star: false,
        span,
      }),
  ];
  return pick(forms)();
}

describe('parser fuzzing', () => {
  it('prints random expression trees so that they parse back to the same tree', () => {
    const random = prng(99);
    for (let i = 0; i < 2000; i++) {
      const expression = randomExpression(random, 5);
      const printed = printExpression(expression);
      expect(stripSpans(parseExpression(printed))).toEqual(stripSpans(expression));
    }
  });

  it('throws only SqlErrors (and round-trips what it accepts) on random token sequences', () => {
    const random = prng(20261122);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const length = 1 + Math.floor(random() * 40);
      const tokens = Array.from(
        { length },
        () => vocabulary[Math.floor(random() * vocabulary.length)] ?? '',
      );
      if (expectOnlySqlErrors(tokens.join(random() < 0.5 ? ' ' : ''))) accepted++;
    }
    console.log(`random token sequences accepted: ${accepted}/3000`);
  });

  it('throws only SqlErrors (and round-trips what it accepts) on mutated QTT statements', () => {
    const statements = loadQttStatements().flatMap((t) => t.statements);
    const random = prng(7);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      let sql = statements[Math.floor(random() * statements.length)] ?? '';
      const rounds = 1 + Math.floor(random() * 3);
      for (let r = 0; r < rounds; r++) sql = mutate(sql, random);
      if (expectOnlySqlErrors(sql)) accepted++;
    }
    console.log(`mutated QTT statements accepted: ${accepted}/3000`);
    expect(accepted).toBeGreaterThan(100);
  });
});
