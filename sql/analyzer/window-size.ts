const UNIT_MS: Readonly<Record<string, number>> = {
  MILLISECOND: 1,
  SECOND: 1000,
  MINUTE: 60_000,
  HOUR: 3_600_000,
  DAY: 86_400_000,
};

/** `'1 SECOND'`, `'30 MINUTES'`: a WINDOW_SIZE property value in milliseconds. */
export function parseWindowSize(text: string): number | undefined {
  const match = /^\s*(\d+)\s+([A-Za-z]+?)S?\s*$/.exec(text);
  if (!match) return undefined;
  const unit = UNIT_MS[(match[2] ?? '').toUpperCase()];
  return unit === undefined ? undefined : Number(match[1]) * unit;
}
