import type { KeyValueStore } from './key-value-store';

/** Small numeric state a processor keeps across restarts (stream time, last emitted close). */
export type ProcessorStateValues = Readonly<Record<string, number>>;

/**
 * One processor's persisted clock values, in the task's `__processor-state` store (written with
 * the task's commit like any store; no changelog, so a wiped backend restarts them from
 * scratch, as Kafka Streams does for its in-memory stream time).
 */
export class ProcessorState {
  private last = '';

  constructor(
    private readonly store: KeyValueStore<string, ProcessorStateValues>,
    private readonly stepId: string,
  ) {}

  async load(): Promise<ProcessorStateValues> {
    const stored = await this.store.get(this.stepId);
    this.last = JSON.stringify(stored?.value ?? {});
    return stored?.value ?? {};
  }

  /** Writes only when a value changed. */
  async save(values: ProcessorStateValues): Promise<void> {
    const text = JSON.stringify(values);
    if (text === this.last) return;
    this.last = text;
    await this.store.put(this.stepId, values, 0);
  }
}

export const PROCESSOR_STATE_STORE = '__processor-state';
