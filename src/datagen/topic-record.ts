/** A record a generator wants on a topic. `value` is the exact text written. */
export interface TopicRecord {
  readonly topic: string;
  readonly key: string | null;
  readonly value: string;
  readonly timestamp: number;
  /** Why the record is bad on purpose (dirty-data injection), for tests to count the DLQ. */
  readonly injected?: 'dirty' | 'duplicate' | 'undecodable';
}
