/** Counters of one query on this instance, exposed for metrics (prom-client reads them). */
export interface QueryMetrics {
  readonly queryId: string;
  readonly state: string;
  readonly recordsIn: number;
  readonly recordsOut: number;
  /** Processing-log entries that are errors (undecodable, failed expressions...). */
  readonly processingErrors: number;
  /** Processing-log entries that are counted drops (late records, null keys...). */
  readonly recordsDropped: number;
  /** Sum over assigned input partitions of (high watermark - position) at the last fetch. */
  readonly lag: number;
  readonly lagByPartition: Readonly<Record<string, number>>;
  readonly commits: number;
  readonly lastCommitDurationMs: number;
  readonly restoredRecords: number;
  readonly assignedTasks: readonly string[];
}

export class MetricsCounters {
  recordsIn = 0;
  recordsOut = 0;
  processingErrors = 0;
  recordsDropped = 0;
  commits = 0;
  lastCommitDurationMs = 0;
  restoredRecords = 0;
  readonly lag = new Map<string, number>();
}

export function metricsSnapshot(
  queryId: string,
  state: string,
  c: MetricsCounters,
  assignedTasks: readonly string[],
): QueryMetrics {
  return {
    queryId,
    state,
    recordsIn: c.recordsIn,
    recordsOut: c.recordsOut,
    processingErrors: c.processingErrors,
    recordsDropped: c.recordsDropped,
    lag: [...c.lag.values()].reduce((a, b) => a + b, 0),
    lagByPartition: Object.fromEntries(c.lag),
    commits: c.commits,
    lastCommitDurationMs: c.lastCommitDurationMs,
    restoredRecords: c.restoredRecords,
    assignedTasks,
  };
}
