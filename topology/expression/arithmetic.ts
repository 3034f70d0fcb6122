import Decimal from 'decimal.js';
import type { ArithmeticOp, SqlType } from '../spec';
import { fitDecimal, toExact } from './decimal-math';
import { ExpressionError } from './expression-error';

type BinaryFn = (a: unknown, b: unknown) => unknown;

const INT_OPS: Record<ArithmeticOp, (a: number, b: number) => number> = {
  '+': (a, b) => (a + b) | 0,
  '-': (a, b) => (a - b) | 0,
  '*': (a, b) => Math.imul(a, b),
  '/': (a, b) => (nonZero(b), Math.trunc(a / b) | 0),
  '%': (a, b) => (nonZero(b), (a % b) | 0),
};

const BIGINT_OPS: Record<ArithmeticOp, (a: bigint, b: bigint) => bigint> = {
  '+': (a, b) => BigInt.asIntN(64, a + b),
  '-': (a, b) => BigInt.asIntN(64, a - b),
  '*': (a, b) => BigInt.asIntN(64, a * b),
  '/': (a, b) => (nonZero(b), BigInt.asIntN(64, a / b)),
  '%': (a, b) => (nonZero(b), a % b),
};

const DOUBLE_OPS: Record<ArithmeticOp, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
};

const DECIMAL_OPS: Record<ArithmeticOp, (a: Decimal, b: Decimal) => Decimal> = {
  '+': (a, b) => a.plus(b),
  '-': (a, b) => a.minus(b),
  '*': (a, b) => a.times(b),
  '/': (a, b) => (nonZero(b), a.div(b)),
  '%': (a, b) => (nonZero(b), a.mod(b)),
};

/** Java throws ArithmeticException on integral division by zero; ksqlDB logs it and yields NULL. */
function nonZero(b: number | bigint | Decimal): true {
  if (b === 0 || b === 0n || (typeof b === 'object' && b.isZero()))
    throw new ExpressionError('/ by zero', 'Arithmetic');
  return true;
}

/**
 * The operation for `op` at result type `type`, operands already non-NULL. Operands of narrower
 * numeric types are widened here (INTEGER -> BIGINT -> DECIMAL -> DOUBLE). Integer arithmetic
 * wraps like Java's int/long; DECIMAL results are rounded HALF_UP to the result scale and fail
 * when they exceed the result precision; STRING `+` concatenates.
 */
export function arithmetic(op: ArithmeticOp, type: SqlType): BinaryFn {
  switch (type.kind) {
    case 'INTEGER': {
      const f = INT_OPS[op];
      return (a, b) => f(Number(a), Number(b));
    }
    case 'BIGINT': {
      const f = BIGINT_OPS[op];
      return (a, b) => f(toBigInt(a), toBigInt(b));
    }
    case 'DOUBLE': {
      const f = DOUBLE_OPS[op];
      return (a, b) => f(toDouble(a), toDouble(b));
    }
    case 'DECIMAL': {
      const f = DECIMAL_OPS[op];
      return (a, b) => fitDecimal(f(toExact(a), toExact(b)), type);
    }
    case 'STRING':
      if (op === '+') return (a, b) => String(a) + String(b);
      break;
    default:
      break;
  }
  throw new ExpressionError(`operator ${op} is not defined for ${type.kind}`, 'Arithmetic');
}

export function negate(type: SqlType): (a: unknown) => unknown {
  switch (type.kind) {
    case 'INTEGER':
      return (a) => -Number(a) | 0;
    case 'BIGINT':
      return (a) => BigInt.asIntN(64, -toBigInt(a));
    case 'DOUBLE':
      return (a) => -toDouble(a);
    case 'DECIMAL':
      return (a) => fitDecimal(toExact(a).neg(), type);
    default:
      throw new ExpressionError(`unary minus is not defined for ${type.kind}`, 'Negate');
  }
}

export function toBigInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  return BigInt((v as Decimal).trunc().toFixed());
}

export function toDouble(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return (v as Decimal).toNumber();
}
