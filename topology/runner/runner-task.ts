import type { ConsumedRecord, OutgoingRecord } from '../kafka';
import type { ProcessingLogger } from '../processors';
import type { BytesStoreBackendFactory, ChangelogWriter, StoreCheckpoint } from '../state';
import type { TopologySpec } from '../spec';
import type { RunnerConfig } from './runner-config';
import type { TaskLayout } from './task-layout';

/**
 * What the runner needs from one task (one sub-topology x one partition). The runtime's task
 * is adapted to it (`runtime-task-factory.ts`); tests can provide another implementation.
 *
 * Lifecycle: created on assignment; `restore` (when Redis is behind) before the first
 * `process`; then `process` one record at a time; at each commit `writeDown` (store caches
 * write down: changelog records reach the writer, coalesced table updates reach the sink),
 * then, once the producer acknowledged them, `flushStores` with the changelog offsets; `close`
 * on revocation or stop. Closing without `flushStores` abandons the uncommitted work.
 */
export interface RunnerTask {
  readonly id: string;
  readonly partition: number;
  /** Stores backed by a changelog topic: what `restore` and checkpoints refer to. */
  readonly changelogStores: readonly { readonly store: string; readonly topic: string }[];
  process(record: ConsumedRecord): Promise<void>;
  writeDown(): Promise<void>;
  flushStores(checkpoints: ReadonlyMap<string, StoreCheckpoint>): Promise<void>;
  readCheckpoint(store: string): Promise<StoreCheckpoint | null>;
  restore(store: string, records: readonly { key: Buffer; value: Buffer | null }[]): Promise<void>;
  close(): Promise<void>;
}

export interface RunnerTaskContext {
  readonly spec: TopologySpec;
  readonly subTopology: number;
  readonly partition: number;
  readonly taskId: string;
  readonly config: RunnerConfig;
  readonly layout: TaskLayout;
  readonly backends: BytesStoreBackendFactory;
  /** Sink and repartition records; the producer batches them. */
  emit(record: OutgoingRecord): void;
  readonly changelog: ChangelogWriter;
  readonly processingLog: ProcessingLogger;
}

export interface RunnerTaskFactory {
  create(context: RunnerTaskContext): Promise<RunnerTask>;
}
