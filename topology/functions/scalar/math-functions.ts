import Decimal from 'decimal.js';
import type { CallContext, ScalarFunction, Value } from '../function-contract';
import { FunctionError } from '../function-contract';
import { compareValues } from '../support/compare-values';
import { shiftPoint } from '../support/exact-decimal';
import { scalarFn, strictFn } from '../support/define';
import { asReturnType } from './conditional-functions';
import { integral, scalarText, toDecimal, toNumber } from '../support/numbers';

type Rounding = Decimal.Rounding;

/** ROUND/TRUNC/CEIL/FLOOR over every numeric representation; `places` undefined means "to an integer". */
function roundTo(
  value: Value,
  places: number | undefined,
  mode: Rounding,
  ctx: CallContext,
): Value {
  if (
    typeof value === 'bigint' ||
    (typeof value === 'number' && ctx.argTypes[0]?.kind === 'INTEGER')
  ) {
    if (places === undefined || places >= 0) return value;
    const d = scaled(toDecimal(value), places, mode);
    return typeof value === 'bigint' ? BigInt(d.toFixed(0)) : d.toNumber();
  }
  if (Decimal.isDecimal(value)) return scaled(value, places ?? 0, mode);
  const n = value as number;
  if (!Number.isFinite(n)) return places === undefined ? null : n;
  const rounded = scaled(new Decimal(n), places ?? 0, mode).toNumber();
  return places === undefined ? integral(rounded, ctx.returnType) : rounded;
}

function scaled(d: Decimal, places: number, mode: Rounding): Decimal {
  if (places >= 0) return d.toDecimalPlaces(places, mode);
  return shiftPoint(shiftPoint(d, places).toDecimalPlaces(0, mode), -places);
}

function rounding(name: string, mode: Rounding): ScalarFunction {
  return strictFn(name, ([value, places], ctx) =>
    roundTo(value, places as number | undefined, mode, ctx),
  );
}

const unary = (name: string, f: (x: number) => number) => strictFn(name, ([x]) => f(toNumber(x)));

function sign(v: Value): number {
  if (typeof v === 'bigint') return v > 0n ? 1 : v < 0n ? -1 : 0;
  if (Decimal.isDecimal(v)) return v.isZero() ? 0 : v.isNegative() ? -1 : 1;
  const n = v as number;
  return Number.isNaN(n) ? 0 : Math.sign(n) || 0;
}

function abs(v: Value): Value {
  if (typeof v === 'bigint') return v < 0n ? -v : v;
  if (Decimal.isDecimal(v)) return v.abs();
  return Math.abs(v as number);
}

function log(args: readonly Value[]): number {
  if (args.length === 1) return Math.log(toNumber(args[0]));
  const base = toNumber(args[0]);
  const value = toNumber(args[1]);
  if (base <= 0 || base === 1) return NaN;
  return Math.log(value) / Math.log(base);
}

function extreme(direction: 1 | -1) {
  return (args: readonly Value[], ctx: CallContext): Value => {
    let best: Value = null;
    for (const a of args) {
      if (a === null || a === undefined) continue;
      if (best === null || compareValues(a, best) * direction > 0) best = a;
    }
    return asReturnType(best, ctx);
  };
}

const EARTH_RADIUS: Record<string, number> = {
  KM: 6371,
  KILOMETERS: 6371,
  KILOMETRES: 6371,
  MI: 3959,
  MILES: 3959,
};

function geoDistance(args: readonly Value[]): Value {
  const [lat1, lon1, lat2, lon2] = args.slice(0, 4).map(toNumber) as [
    number,
    number,
    number,
    number,
  ];
  const unit = args[4] === null || args[4] === undefined ? 'KM' : scalarText(args[4]).toUpperCase();
  const radius = EARTH_RADIUS[unit];
  if (radius === undefined)
    throw new FunctionError('GEO_DISTANCE', `unknown unit '${unit}': use KM or MI`);
  if (Math.abs(lat1) > 90 || Math.abs(lat2) > 90 || Math.abs(lon1) > 180 || Math.abs(lon2) > 180) {
    throw new FunctionError('GEO_DISTANCE', 'valid latitudes are -90..90 and longitudes -180..180');
  }
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * radius * Math.asin(Math.sqrt(a));
}

export const mathImplementations: readonly ScalarFunction[] = [
  strictFn('ABS', ([v]) => abs(v)),
  strictFn('CEIL', ([v], ctx) => roundTo(v, 0, Decimal.ROUND_CEIL, ctx)),
  strictFn('FLOOR', ([v], ctx) => roundTo(v, 0, Decimal.ROUND_FLOOR, ctx)),
  rounding('ROUND', Decimal.ROUND_HALF_CEIL),
  rounding('TRUNC', Decimal.ROUND_DOWN),
  strictFn('SIGN', ([v]) => sign(v)),
  unary('SQRT', Math.sqrt),
  unary('CBRT', Math.cbrt),
  unary('EXP', Math.exp),
  unary('LN', Math.log),
  strictFn('LOG', log),
  strictFn('POWER', ([b, e]) => Math.pow(toNumber(b), toNumber(e))),
  scalarFn('RANDOM', (_args, ctx) => (ctx.random ?? Math.random)()),
  scalarFn('PI', () => Math.PI),
  unary('SIN', Math.sin),
  unary('COS', Math.cos),
  unary('TAN', Math.tan),
  unary('COT', (x) => 1 / Math.tan(x)),
  unary('ASIN', Math.asin),
  unary('ACOS', Math.acos),
  unary('ATAN', Math.atan),
  strictFn('ATAN2', ([y, x]) => Math.atan2(toNumber(y), toNumber(x))),
  unary('SINH', Math.sinh),
  unary('COSH', Math.cosh),
  unary('TANH', Math.tanh),
  unary('DEGREES', (x) => (x * 180) / Math.PI),
  unary('RADIANS', (x) => (x * Math.PI) / 180),
  scalarFn('GREATEST', extreme(1)),
  scalarFn('LEAST', extreme(-1)),
  scalarFn('GEO_DISTANCE', (args) =>
    args.slice(0, 4).some((a) => a === null || a === undefined) ? null : geoDistance(args),
  ),
];
