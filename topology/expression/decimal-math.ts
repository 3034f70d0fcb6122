import Decimal from 'decimal.js';
import type { SqlType } from '../spec';
import { ExpressionError } from './expression-error';

/** decimal.js rounds every operation to `precision` significant digits: give it room. */
const Exact = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_UP });

export function toExact(value: unknown): Decimal {
  if (typeof value === 'bigint') return new Exact(value.toString());
  if (typeof value === 'number' || typeof value === 'string') return new Exact(value);
  return new Exact((value as Decimal).toFixed());
}

/**
 * Fits an exact result into DECIMAL(precision, scale): HALF_UP to the scale, then an overflow
 * check on the integer digits, as ksqlDB does.
 */
export function fitDecimal(value: Decimal, type: Extract<SqlType, { kind: 'DECIMAL' }>): Decimal {
  const rounded = new Decimal(value.toFixed(type.scale, Decimal.ROUND_HALF_UP));
  const integerDigits = rounded.abs().trunc().isZero() ? 0 : rounded.abs().trunc().toFixed().length;
  if (integerDigits > type.precision - type.scale) {
    throw new ExpressionError(
      `numeric field overflow: ${rounded.toFixed()} does not fit ${type.precision},${type.scale}`,
      'DECIMAL',
    );
  }
  return rounded;
}
