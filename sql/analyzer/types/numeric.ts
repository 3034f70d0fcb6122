import { SqlTypes, type SqlType } from '../../../topology/spec';

/**
 * ksqlDB's numeric tower: INTEGER < BIGINT < DECIMAL < DOUBLE. Integers widen to DECIMAL with
 * the precision of their range (INTEGER -> DECIMAL(10,0), BIGINT -> DECIMAL(19,0)).
 */
export type NumericKind = 'INTEGER' | 'BIGINT' | 'DECIMAL' | 'DOUBLE';

const RANK: Readonly<Record<NumericKind, number>> = {
  INTEGER: 0,
  BIGINT: 1,
  DECIMAL: 2,
  DOUBLE: 3,
};

export function isNumeric(type: SqlType): type is Extract<SqlType, { kind: NumericKind }> {
  return (
    type.kind === 'INTEGER' ||
    type.kind === 'BIGINT' ||
    type.kind === 'DECIMAL' ||
    type.kind === 'DOUBLE'
  );
}

export type DecimalType = Extract<SqlType, { kind: 'DECIMAL' }>;

/** The DECIMAL an exact numeric type widens to. */
export function toDecimal(type: SqlType): DecimalType | undefined {
  switch (type.kind) {
    case 'INTEGER':
      return { kind: 'DECIMAL', precision: 10, scale: 0 };
    case 'BIGINT':
      return { kind: 'DECIMAL', precision: 19, scale: 0 };
    case 'DECIMAL':
      return type;
    default:
      return undefined;
  }
}

/** The smallest DECIMAL that holds both (scale = max, integer digits = max). */
export function widenDecimals(a: DecimalType, b: DecimalType): DecimalType {
  const scale = Math.max(a.scale, b.scale);
  const integerDigits = Math.max(a.precision - a.scale, b.precision - b.scale);
  return { kind: 'DECIMAL', precision: integerDigits + scale, scale };
}

/** The wider of two numeric types, or undefined when one is not numeric. */
export function widenNumeric(a: SqlType, b: SqlType): SqlType | undefined {
  if (!isNumeric(a) || !isNumeric(b)) return undefined;
  const top = RANK[a.kind] >= RANK[b.kind] ? a : b;
  if (top.kind !== 'DECIMAL') return top;
  const da = toDecimal(a);
  const db = toDecimal(b);
  return da && db ? widenDecimals(da, db) : top;
}

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';

/**
 * The result type of `a op b` for numeric operands: DOUBLE wins, then DECIMAL (with the
 * precision/scale rules below), then BIGINT, else INTEGER.
 */
export function arithmeticResultType(
  op: ArithmeticOp,
  a: SqlType,
  b: SqlType,
): SqlType | undefined {
  if (!isNumeric(a) || !isNumeric(b)) return undefined;
  if (a.kind === 'DOUBLE' || b.kind === 'DOUBLE') return SqlTypes.double;
  if (a.kind === 'DECIMAL' || b.kind === 'DECIMAL') {
    const da = toDecimal(a);
    const db = toDecimal(b);
    return da && db ? decimalArithmetic(op, da, db) : undefined;
  }
  if (a.kind === 'BIGINT' || b.kind === 'BIGINT') return SqlTypes.bigint;
  return SqlTypes.integer;
}

/** DECIMAL precision and scale of arithmetic results, as ksqlDB (and SQL Server) derive them. */
export function decimalArithmetic(op: ArithmeticOp, a: DecimalType, b: DecimalType): DecimalType {
  const { precision: p1, scale: s1 } = a;
  const { precision: p2, scale: s2 } = b;
  switch (op) {
    case '+':
    case '-': {
      const scale = Math.max(s1, s2);
      return decimal(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
    }
    case '*':
      return decimal(p1 + p2 + 1, s1 + s2);
    case '/': {
      const scale = Math.max(6, s1 + p2 + 1);
      return decimal(p1 - s1 + s2 + scale, scale);
    }
    case '%': {
      const scale = Math.max(s1, s2);
      return decimal(Math.min(p1 - s1, p2 - s2) + scale, scale);
    }
  }
}

function decimal(precision: number, scale: number): DecimalType {
  return { kind: 'DECIMAL', precision: Math.max(precision, 1), scale };
}

const INT_MIN = -2147483648n;
const INT_MAX = 2147483647n;
const LONG_MIN = -9223372036854775808n;
const LONG_MAX = 9223372036854775807n;

/** The type of an integer literal: INTEGER when it fits 32 bits, BIGINT when 64, else DECIMAL. */
export function integerLiteralType(text: string): SqlType {
  const value = BigInt(text);
  if (value >= INT_MIN && value <= INT_MAX) return SqlTypes.integer;
  if (value >= LONG_MIN && value <= LONG_MAX) return SqlTypes.bigint;
  return decimal(text.replace(/^[-+]?0*/, '').length || 1, 0);
}

/** The DECIMAL type of a literal such as `1.10` (precision 3, scale 2) or `0.5` (1, 1). */
export function decimalLiteralType(text: string): DecimalType {
  const unsigned = text.replace(/^[-+]/, '');
  const [whole = '', fraction = ''] = unsigned.split('.');
  const scale = fraction.length;
  const digits = (whole.replace(/^0+/, '') + fraction).replace(/^0+/, '');
  return decimal(Math.max(digits.length, scale), scale);
}

/**
 * The numeric type a string literal denotes when it must be coerced to a number
 * (`ARRAY[1, '2e1']`), or undefined when it is not a number.
 */
export function numericStringType(text: string): SqlType | undefined {
  const trimmed = text.trim();
  if (/^[-+]?\d+$/.test(trimmed)) return integerLiteralType(trimmed);
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) {
    const match = /^[-+]?(\d*)\.?(\d*)(?:[eE]([-+]?\d+))?$/.exec(trimmed);
    const intPart = match?.[1] ?? '';
    const fracPart = match?.[2] ?? '';
    const exponent = Number(match?.[3] ?? '0');
    const scale = Math.max(0, fracPart.length - exponent);
    const digits = (intPart + fracPart).replace(/^0+/, '').length || 1;
    const integerDigits = Math.max(digits - fracPart.length + exponent, 0);
    return decimal(Math.max(integerDigits + scale, 1), scale);
  }
  return undefined;
}
