import type { TopologySpec } from '../../../topology/spec';

/**
 * How much state a persistent query holds in the shared state backend (all partitions, whoever
 * runs them). Read for `/metrics` and DESCRIBE EXTENDED; an implementation may cache.
 */
export interface StateSizePort {
  /** Keys over every store and partition of the query; `partitions` bounds the partitions. */
  keys(spec: TopologySpec, partitions: number): Promise<number>;
}
