/** Counters a store keeps (Kafka Streams' metered layer); exported as metrics by the runner. */
export interface StoreMetrics {
  reads: number;
  writes: number;
  /** Records whose window or session had expired (retention) when they were written. */
  expiredWrites: number;
}

export function storeMetrics(): StoreMetrics {
  return { reads: 0, writes: 0, expiredWrites: 0 };
}
