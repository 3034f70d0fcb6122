/** A decimal as Java's BigDecimal sees it: unscaled value and scale (`1.10` is 110, 2). */
export interface BigDecimalParts {
  readonly unscaled: bigint;
  readonly scale: number;
}

/** Parses `-1.10`, `3`, `4.6116860184273879E18`; undefined for anything else. */
export function parseBigDecimal(text: string): BigDecimalParts | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const fraction = m[3] ?? '';
  const digits = `${m[2]}${fraction}`.replace(/^0+(?=\d)/, '') || '0';
  const unscaled = BigInt(`${m[1] === '-' ? '-' : ''}${digits}`);
  return { unscaled, scale: fraction.length - Number(m[4] ?? '0') };
}

export function sameBigDecimal(a: BigDecimalParts, b: BigDecimalParts): boolean {
  return a.unscaled === b.unscaled && a.scale === b.scale;
}

/** Equal values whatever the scales (`1.10` and `1.1`), as `compareTo` sees them. */
export function sameDecimalValue(a: BigDecimalParts, b: BigDecimalParts): boolean {
  const scale = Math.max(a.scale, b.scale);
  const up = (d: BigDecimalParts): bigint => d.unscaled * 10n ** BigInt(scale - d.scale);
  return up(a) === up(b);
}
