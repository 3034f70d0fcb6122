import { changelogTopicName, subTopologies, type StoreSpec, type TopologySpec } from '../spec';
import type { KeyValueStore } from './key-value-store';

/** Small numeric state a processor keeps across restarts (stream time, last emitted close). */
export type ProcessorStateValues = Readonly<Record<string, number>>;

/**
 * One processor's persisted clock values (stream time, the last window closed by EMIT FINAL, the
 * outer-join timer), in the task's processor-state store. It is written with the task's commit
 * and has a changelog like every other store, restored the same way: a wiped Redis must not
 * forget which windows EMIT FINAL already emitted or which records are late.
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

/**
 * The processor-state store of a task (`<subTopology>_<partition>`): one per sub-topology, as
 * its changelog is partitioned like that sub-topology's inputs; the changelog is named as Kafka
 * Streams names changelogs (`<applicationId>-<store>-changelog`).
 */
export function processorStateStoreSpec(applicationId: string, taskId: string): StoreSpec {
  const subTopology = taskId.slice(0, taskId.lastIndexOf('_'));
  const name = `${PROCESSOR_STATE_STORE}-${subTopology}`;
  return { name, kind: 'keyValue', changelogTopic: changelogTopicName(applicationId, name) };
}

/**
 * Changelog topics the runtime adds to a query beyond its planned internal topics (one
 * processor-state changelog per sub-topology that keeps clocks; listing every sub-topology is
 * harmless to a delete): what dropping the query must delete too.
 */
export function runtimeChangelogTopics(spec: TopologySpec): string[] {
  return subTopologies(spec).map(
    (sub) => processorStateStoreSpec(spec.applicationId, `${sub.index}_0`).changelogTopic ?? '',
  );
}
