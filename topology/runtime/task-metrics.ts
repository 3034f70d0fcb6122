import type { ProcessingLogKind } from '../processors';

/** Per-task counters; the runner exports them (per query) as metrics. */
export interface TaskMetrics {
  processed: number;
  /** Records skipped by design (late, NULL key/value), logged. */
  dropped: number;
  /** Records that failed (undecodable, expression/function errors, bad timestamps), logged. */
  errors: number;
  byKind: Partial<Record<ProcessingLogKind, number>>;
}

export function taskMetrics(): TaskMetrics {
  return { processed: 0, dropped: 0, errors: 0, byKind: {} };
}
