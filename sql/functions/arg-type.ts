import { formatSqlType, type SqlType } from '../../topology/spec';

/**
 * What the analyzer knows about one actual argument of a call.
 *
 * - a SQL type for an ordinary expression;
 * - `NULL` for an untyped `NULL` literal (it matches any parameter);
 * - `INTERVAL_UNIT` for a time unit keyword (`DAYS`, `MILLISECONDS`), as in `DATEADD(DAYS, 1, d)`;
 *   the runtime passes it as the upper-case unit name (a string);
 * - `LAMBDA` for `(x, y) => ...`: the resolver decides the parameter types and asks
 *   `bodyType` for the type of the body under them (the analyzer types the body then).
 */
export type ArgType =
  | SqlType
  | { readonly kind: 'NULL' }
  | { readonly kind: 'INTERVAL_UNIT' }
  | {
      readonly kind: 'LAMBDA';
      readonly arity: number;
      readonly bodyType: (paramTypes: readonly SqlType[]) => SqlType;
    };

export const NullArg: ArgType = { kind: 'NULL' };
export const IntervalUnitArg: ArgType = { kind: 'INTERVAL_UNIT' };

export function lambdaArg(
  arity: number,
  bodyType: (paramTypes: readonly SqlType[]) => SqlType,
): ArgType {
  return { kind: 'LAMBDA', arity, bodyType };
}

export function formatArgType(arg: ArgType): string {
  switch (arg.kind) {
    case 'NULL':
      return 'NULL';
    case 'INTERVAL_UNIT':
      return 'INTERVALUNIT';
    case 'LAMBDA':
      return `LAMBDA(${arg.arity})`;
    default:
      return formatSqlType(arg);
  }
}
