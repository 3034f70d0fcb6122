import type { BuiltStep } from './processor';
import type { RecordHeader } from './stream-record';

/** A record as it arrives from a topic: bytes, before any decoding. */
export interface RawRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: number;
  readonly headers: readonly RecordHeader[];
}

/** A built source step: takes raw records of its topic. */
export interface BuiltSource extends BuiltStep {
  receive(raw: RawRecord): Promise<void>;
}

export function isBuiltSource(step: BuiltStep): step is BuiltSource {
  return 'receive' in step;
}
