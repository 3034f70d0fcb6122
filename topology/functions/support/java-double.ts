import { javaDoubleDigits, type JavaDigits } from './java-double-digits';

/**
 * Java's `Double.toString` as JDK 8-18 print it (ksqlDB ran on JDK 11 and 17, and the QTT
 * expectations carry that text, e.g. `4.6116860184273879E18`): plain notation with at least one
 * fractional digit for magnitudes in [1e-3, 1e7), otherwise `d.dddE±n`. JDK 19+ switched to the
 * shortest round-trip digits; `java-double-digits.ts` keeps the older digits on purpose.
 */
export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const { digits, decExponent } = sameAsShortest(abs) ?? javaDoubleDigits(abs);
  if (decExponent > 0 && decExponent < 8) {
    const intPart = digits.slice(0, decExponent).padEnd(decExponent, '0');
    const fraction = digits.slice(decExponent);
    return `${sign}${intPart}.${fraction === '' ? '0' : fraction}`;
  }
  if (decExponent <= 0 && decExponent > -3) return `${sign}0.${'0'.repeat(-decExponent)}${digits}`;
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : `${digits}.0`;
  return `${sign}${mantissa}E${decExponent - 1}`;
}

/**
 * A fast path, for the values where the JDK digits provably equal the shortest round-trip
 * digits that `String(n)` gives: integers below 2^53 (both print the exact integer), and values
 * in [1e-3, 1e7) whose shortest form has at most 15 digits (such a decimal can be neither on a
 * rounding boundary, which needs 30+ fractional digits there, nor a tie, so the JDK loop stops
 * at the same digit with the same choice; its E-notation quirks do not apply in that range).
 */
function sameAsShortest(abs: number): JavaDigits | undefined {
  const integer = Number.isInteger(abs) && abs < 2 ** 53;
  if (!integer && !(abs >= 1e-3 && abs < 1e7)) return undefined;
  const text = String(abs);
  const point = text.indexOf('.');
  const intDigits = point < 0 ? text : text.slice(0, point);
  const all = point < 0 ? text : intDigits + text.slice(point + 1);
  const lead = /^0*/.exec(all)![0].length;
  const digits = all.slice(lead).replace(/0+$/, '');
  if (!integer && digits.length > 15) return undefined;
  const decExponent = intDigits === '0' ? -(lead - 1) : intDigits.length;
  return { digits, decExponent };
}
