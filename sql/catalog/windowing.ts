/** How a windowed source's keys are windowed (`WINDOW_TYPE`, `WINDOW_SIZE`). */
export type WindowType = 'TUMBLING' | 'HOPPING' | 'SESSION';

export interface WindowInfo {
  readonly type: WindowType;
  /** Window size in ms; absent for SESSION. */
  readonly sizeMs?: number;
}

/** A window size in the largest whole unit, as EXPLAIN and DESCRIBE print it (`30 SECONDS`). */
export function formatWindowSize(ms: number): string {
  const units: readonly [number, string][] = [
    [86_400_000, 'DAYS'],
    [3_600_000, 'HOURS'],
    [60_000, 'MINUTES'],
    [1000, 'SECONDS'],
  ];
  for (const [size, unit] of units) if (ms % size === 0) return `${ms / size} ${unit}`;
  return `${ms} MILLISECONDS`;
}
