import { nodeFactory, type AstNode } from './node';

/** Units of a duration, normalised to the plural form whatever was written. */
export type TimeUnit =
  'NANOSECONDS' | 'MICROSECONDS' | 'MILLISECONDS' | 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS';

/** A duration such as `30 SECONDS` in WINDOW, WITHIN, GRACE PERIOD, RETENTION and TIMEOUT. */
export interface Duration extends AstNode {
  readonly kind: 'Duration';
  readonly value: number;
  readonly unit: TimeUnit;
}
export const Duration = nodeFactory<Duration>('Duration');

const millisPerUnit: Readonly<Record<TimeUnit, number>> = {
  NANOSECONDS: 1e-6,
  MICROSECONDS: 1e-3,
  MILLISECONDS: 1,
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

/** The duration in whole milliseconds (sub-millisecond units round down). */
export function durationMillis(duration: Pick<Duration, 'value' | 'unit'>): number {
  return Math.floor(duration.value * millisPerUnit[duration.unit]);
}
