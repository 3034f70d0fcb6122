import type { Column } from '../serdes/serde-contract';

/** Key and value columns of a step's output, in row order. */
export interface LogicalSchema {
  readonly key: readonly Column[];
  readonly value: readonly Column[];
}

export type StoreKind = 'keyValue' | 'window' | 'session';

/**
 * A state store a step needs. Stores hold bytes in the runtime's own encoding (not a user
 * format); `changelogTopic` receives every write (compacted), so state can be rebuilt.
 * `windowSizeMs`/`retentionMs` apply to window and session stores; `retainDuplicates` to the
 * window stores of stream-stream joins (several records per key and timestamp).
 */
export interface StoreSpec {
  readonly name: string;
  readonly kind: StoreKind;
  readonly changelogTopic: string | null;
  readonly windowSizeMs?: number;
  readonly retentionMs?: number;
  readonly retainDuplicates?: boolean;
}

/**
 * A WINDOW clause. `graceMs`/`retentionMs` are null when the statement gave none; the runtime
 * then applies Kafka Streams' defaults (`effectiveGraceMs`, `effectiveRetentionMs`).
 */
export type WindowSpec =
  | {
      readonly type: 'TUMBLING';
      readonly sizeMs: number;
      readonly graceMs: number | null;
      readonly retentionMs: number | null;
    }
  | {
      readonly type: 'HOPPING';
      readonly sizeMs: number;
      readonly advanceMs: number;
      readonly graceMs: number | null;
      readonly retentionMs: number | null;
    }
  | {
      readonly type: 'SESSION';
      readonly gapMs: number;
      readonly graceMs: number | null;
      readonly retentionMs: number | null;
    };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Window size (time windows) or inactivity gap (sessions). */
export function windowSpanMs(window: WindowSpec): number {
  return window.type === 'SESSION' ? window.gapMs : window.sizeMs;
}

/** Kafka Streams' legacy default grace: 24h minus the window size (or gap), never negative. */
export function effectiveGraceMs(window: WindowSpec): number {
  return window.graceMs ?? Math.max(DAY_MS - windowSpanMs(window), 0);
}

/** Kafka Streams' default retention: window size (or gap) + grace, unless RETENTION is given. */
export function effectiveRetentionMs(window: WindowSpec): number {
  return window.retentionMs ?? windowSpanMs(window) + effectiveGraceMs(window);
}
