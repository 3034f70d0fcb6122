/**
 * The decimal digits Java 8-18 `Double.toString` prints (the classic `FloatingDecimal`
 * algorithm, which ksqlDB ran on with JDK 11 and 17). It is not always the shortest round-trip
 * form: integers below 2^63 are printed from the exact integer with a fixed number of
 * "insignificant" low digits rounded off (2^62 prints as `4.6116860184273879E18`), E-notation
 * values always get a second digit, and the digit loop stops by symmetric half-ULP bounds.
 * Re-implemented from the algorithm's published behaviour and checked against a JDK 17.
 */
export interface JavaDigits {
  /** Significant digits, no leading zero (`'12345'`). */
  readonly digits: string;
  /** The value is `0.digits x 10^decExponent`. */
  readonly decExponent: number;
}

const EXP_SHIFT = 52;
const MAX_SMALL_BIN_EXP = 62;
const MIN_SMALL_BIN_EXP = -21;
/** Bits of 5^i, for i < 27 (5^26 is the largest power of five below 2^63). */
const N_5_BITS = [
  0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56,
  59, 61,
];
/** Decimal digits below the precision of a double whose ULP is 2^i (integer path). */
const INSIGNIFICANT_DIGITS = [
  0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9,
  9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16, 16, 17,
  17, 17, 18, 18, 18, 19,
];

const view = new DataView(new ArrayBuffer(8));

/** Digits of a finite, positive, non-zero double. */
export function javaDoubleDigits(value: number): JavaDigits {
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  let binExp = Number((bits >> 52n) & 0x7ffn);
  let fractBits = bits & 0xfffffffffffffn;
  let nSignificantBits: number;
  if (binExp === 0) {
    const leadingZeros = 64 - fractBits.toString(2).length;
    const shift = leadingZeros - (63 - EXP_SHIFT);
    fractBits <<= BigInt(shift);
    binExp = 1 - shift;
    nSignificantBits = 64 - leadingZeros;
  } else {
    fractBits |= 1n << 52n;
    nSignificantBits = EXP_SHIFT + 1;
  }
  return dtoa(binExp - 1023, fractBits, nSignificantBits);
}

function trailingZeros(n: bigint): number {
  const low = Number(n & 0xffffffffn);
  if (low !== 0) return 31 - Math.clz32(low & -low);
  const high = Number(n >> 32n);
  return 32 + 31 - Math.clz32(high & -high);
}

function dtoa(binExp: number, fractBits: bigint, nSignificantBits: number): JavaDigits {
  const tailZeros = trailingZeros(fractBits);
  const nFractBits = EXP_SHIFT + 1 - tailZeros;
  const nTinyBits = Math.max(0, nFractBits - binExp - 1);
  if (binExp <= MAX_SMALL_BIN_EXP && binExp >= MIN_SMALL_BIN_EXP && nTinyBits === 0) {
    const p2 = binExp - nSignificantBits - 1;
    const insignificant =
      binExp > nSignificantBits && p2 > 1 && p2 < INSIGNIFICANT_DIGITS.length
        ? INSIGNIFICANT_DIGITS[p2]!
        : 0;
    const integer =
      binExp >= EXP_SHIFT
        ? fractBits << BigInt(binExp - EXP_SHIFT)
        : fractBits >> BigInt(EXP_SHIFT - binExp);
    return longDigits(integer, insignificant);
  }
  return generateDigits(
    binExp,
    fractBits >> BigInt(tailZeros),
    nFractBits,
    nTinyBits,
    nSignificantBits,
  );
}

/** The exact integer with `insignificant` low digits rounded off (half up), zeros stripped. */
function longDigits(integer: bigint, insignificant: number): JavaDigits {
  let n = integer;
  let exponent = 0;
  if (insignificant !== 0) {
    const pow10 = 10n ** BigInt(insignificant);
    const residue = n % pow10;
    n /= pow10;
    exponent += insignificant;
    if (residue >= pow10 >> 1n) n++;
  }
  const text = n.toString();
  const digits = text.replace(/0+$/, '');
  return { digits, decExponent: exponent + text.length };
}

/** Floor of FloatingDecimal's estimate of log10(value). */
function estimateDecExp(fractBits: bigint, binExp: number): number {
  view.setBigUint64(0, (0x3ffn << 52n) | (fractBits & 0xfffffffffffffn));
  const d2 = view.getFloat64(0);
  return Math.floor((d2 - 1.5) * 0.289529654 + 0.176091259 + binExp * 0.301029995663981);
}

const bitsOf5 = (e: number) => (e < N_5_BITS.length ? N_5_BITS[e]! : e * 3);
/** 5^i for every exponent a double needs (up to 5^(324 + 52 + 1)). */
const POW5: bigint[] = [1n];
for (let i = 1; i < 400; i++) POW5.push(POW5[i - 1]! * 5n);
const pow5 = (e: number) => POW5[e] ?? 5n ** BigInt(e);
const pow52 = (p5: number, p2: number) => pow5(p5) << BigInt(p2);

/**
 * The digit loop: B/S is the value scaled by 10^-decExp, M the half-ULP on the same scale. It
 * stops as soon as rounding down (`low`) or up (`high`) stays within M. Java runs it in 32-bit,
 * 64-bit or big-integer arithmetic depending on the operand sizes, and the fixed-width variants
 * test `b + m > tens` with wrapping arithmetic while the big one tests `>=`; both are kept.
 */
function generateDigits(
  binExp: number,
  fract: bigint,
  nFractBits: number,
  nTinyBits: number,
  nSignificantBits: number,
): JavaDigits {
  let decExp = estimateDecExp(fract << BigInt(EXP_SHIFT + 1 - nFractBits), binExp);
  const B5 = Math.max(0, -decExp);
  let B2 = B5 + nTinyBits + binExp;
  const S5 = Math.max(0, decExp);
  let S2 = S5 + nTinyBits;
  const M5 = B5;
  let M2 = B2 - nSignificantBits;
  B2 -= nFractBits - 1;
  const common = Math.min(B2, S2);
  B2 -= common;
  S2 -= common;
  M2 -= common;
  // The ULP below a power of two is half the ULP above it.
  if (nFractBits === 1) M2 -= 1;
  if (M2 < 0) {
    B2 -= M2;
    S2 -= M2;
    M2 = 0;
  }
  const bBits = nFractBits + B2 + bitsOf5(B5);
  const tenSBits = S2 + 1 + bitsOf5(S5 + 1);
  const width = bBits < 32 && tenSBits < 32 ? 32 : bBits < 64 && tenSBits < 64 ? 64 : 0;
  const wrap = (n: bigint) => (width === 0 ? n : BigInt.asIntN(width, n));
  let b = wrap((fract * pow5(B5)) << BigInt(B2));
  const s = pow52(S5, S2);
  let m = wrap(pow52(M5, M2));
  const tens = s * 10n;
  const stops = (first: boolean): [boolean, boolean] => {
    // A wrapped (overflowed) m is certainly larger than b, and b + m than tens.
    if (!first && width !== 0 && m <= 0n) return [true, true];
    return [b < m, width === 0 ? b + m >= tens : wrap(b + m) > tens];
  };
  const digits: number[] = [];
  let q = Number(b / s);
  b = 10n * (b % s);
  m = wrap(m * 10n);
  let [low, high] = stops(true);
  if (q === 0 && !high) decExp--;
  else digits.push(q);
  // Java always prints a digit after the point, so E-notation needs two digits.
  if (decExp < -3 || decExp >= 8) low = high = false;
  while (!low && !high) {
    q = Number(b / s);
    b = 10n * (b % s);
    m = wrap(m * 10n);
    [low, high] = stops(false);
    digits.push(q);
  }
  const lowDigitDifference = wrap((b << 1n) - tens);
  const roundUp =
    high &&
    (!low ||
      lowDigitDifference > 0n ||
      (lowDigitDifference === 0n && (digits[digits.length - 1]! & 1) !== 0));
  return roundUp
    ? roundedUp(digits, decExp + 1)
    : { digits: digits.join(''), decExponent: decExp + 1 };
}

/** Java rounds up in place and keeps the digit count: 1299 -> 1300, 999 -> 100 (exponent + 1). */
function roundedUp(digits: readonly number[], decExponent: number): JavaDigits {
  const out = [...digits];
  let i = out.length - 1;
  while (i > 0 && out[i] === 9) out[i--] = 0;
  if (out[i] === 9) {
    out[0] = 1;
    return { digits: out.join(''), decExponent: decExponent + 1 };
  }
  out[i]! += 1;
  return { digits: out.join(''), decExponent };
}
