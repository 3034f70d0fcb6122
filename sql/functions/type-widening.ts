import { SqlTypes, sameSqlType, type SqlType } from '../../topology/spec';

/**
 * ksqlDB's implicit numeric widening: INTEGER -> BIGINT -> DECIMAL -> DOUBLE. An INTEGER becomes
 * DECIMAL(10, 0) and a BIGINT DECIMAL(19, 0), enough digits for every value of the type.
 */
const RANK: Partial<Record<SqlType['kind'], number>> = {
  INTEGER: 0,
  BIGINT: 1,
  DECIMAL: 2,
  DOUBLE: 3,
};

export const MAX_DECIMAL_PRECISION = 38;

export function isNumeric(type: SqlType): boolean {
  return RANK[type.kind] !== undefined;
}

/** Cost of widening `from` to `to`, 0 when equal; undefined when not implicitly allowed. */
export function widenCost(from: SqlType, to: SqlType): number | undefined {
  if (sameSqlType(from, to)) return 0;
  const a = RANK[from.kind];
  const b = RANK[to.kind];
  if (a === undefined || b === undefined) return undefined;
  if (from.kind === 'DECIMAL' && to.kind === 'DECIMAL') return 1;
  return a < b ? b - a : undefined;
}

export function decimalOf(type: SqlType): SqlType {
  switch (type.kind) {
    case 'INTEGER':
      return SqlTypes.decimal(10, 0);
    case 'BIGINT':
      return SqlTypes.decimal(19, 0);
    default:
      return type;
  }
}

/** The narrowest type both widen to, or undefined. */
export function commonSupertype(a: SqlType, b: SqlType): SqlType | undefined {
  if (sameSqlType(a, b)) return a;
  const ra = RANK[a.kind];
  const rb = RANK[b.kind];
  if (ra === undefined || rb === undefined) return undefined;
  if (a.kind === 'DOUBLE' || b.kind === 'DOUBLE') return SqlTypes.double;
  if (a.kind === 'DECIMAL' || b.kind === 'DECIMAL') return widerDecimal(decimalOf(a), decimalOf(b));
  return ra > rb ? a : b;
}

function widerDecimal(a: SqlType, b: SqlType): SqlType {
  if (a.kind !== 'DECIMAL' || b.kind !== 'DECIMAL') return SqlTypes.double;
  const scale = Math.max(a.scale, b.scale);
  const digits = Math.max(a.precision - a.scale, b.precision - b.scale);
  return SqlTypes.decimal(Math.min(MAX_DECIMAL_PRECISION, digits + scale), scale);
}
