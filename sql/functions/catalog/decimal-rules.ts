import { SqlTypes, type SqlType } from '../../../topology/spec';
import type { ReturnTypeRule } from '../function-definition';
import { MAX_DECIMAL_PRECISION } from '../type-widening';

/** Return-type rules for functions over DECIMAL, whose precision and scale follow the input. */
function firstDecimal(args: readonly SqlType[]): { precision: number; scale: number } {
  const d = args.find((a) => a.kind === 'DECIMAL');
  return d?.kind === 'DECIMAL' ? d : { precision: MAX_DECIMAL_PRECISION, scale: 0 };
}

const clamp = (p: number) => Math.max(1, Math.min(MAX_DECIMAL_PRECISION, p));

/** Same precision and scale as the DECIMAL argument (ABS, SUM, ROUND(d, n), ...). */
export const sameDecimal: ReturnTypeRule = (args) => {
  const d = firstDecimal(args);
  return SqlTypes.decimal(d.precision, d.scale);
};

/**
 * ROUND(d) keeps the integer digits only: DECIMAL(p - s, 0), at least DECIMAL(1, 0). This is
 * ksqlDB's type (DECIMAL(33,16) rounds to DECIMAL(17,0)), even though a carry (9.9 -> 10) can
 * need one more digit than the type declares.
 */
export const roundedDecimal: ReturnTypeRule = (args) => {
  const d = firstDecimal(args);
  return SqlTypes.decimal(clamp(d.precision - d.scale), 0);
};

/** Truncation keeps the integer digits: DECIMAL(p - s, 0). */
export const truncatedDecimal: ReturnTypeRule = (args) => {
  const d = firstDecimal(args);
  return SqlTypes.decimal(clamp(d.precision - d.scale), 0);
};
