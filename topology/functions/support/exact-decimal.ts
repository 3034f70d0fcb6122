import Decimal from 'decimal.js';

/**
 * decimal.js rounds the result of every arithmetic operation to 20 significant digits by
 * default, while SQL DECIMALs have up to 38. These helpers are exact for DECIMAL(38, s) values
 * and return plain `Decimal` instances (the run-time representation).
 */
const Exact = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_UP });

/** `d * 10^places`, exactly (a move of the decimal point). */
export function shiftPoint(d: Decimal, places: number): Decimal {
  return places === 0 ? d : new Decimal(new Exact(d).mul(new Exact(10).pow(places)));
}

export function exactPlus(a: Decimal, b: Decimal): Decimal {
  return new Decimal(new Exact(a).plus(b));
}

/** The unscaled integer of `d` at `scale` (Avro's decimal encoding), rounding half up. */
export function unscaledValue(d: Decimal, scale: number): bigint {
  return BigInt(shiftPoint(d, scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

/** The decimal whose unscaled integer at `scale` is `unscaled`. */
export function fromUnscaled(unscaled: bigint, scale: number): Decimal {
  return shiftPoint(new Decimal(unscaled.toString()), -scale);
}
