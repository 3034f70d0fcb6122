import {
  partitionKey,
  type ConsumedRecord,
  type PartitionOffset,
  type TopicPartition,
} from '../kafka';
import type { RunnerTask } from './runner-task';
import { taskId, type TaskLayout } from './task-layout';

interface OpenTask {
  readonly task: RunnerTask;
  readonly inputs: Map<string, TopicPartition>;
}

/**
 * The tasks open on this instance and the input positions they processed. A position is the
 * offset after the last record processed; it is committed only after that record's outputs and
 * state were flushed.
 */
export class TaskRegistry {
  private readonly open = new Map<string, OpenTask>();
  private readonly positions = new Map<string, PartitionOffset>();
  private readonly committed = new Map<string, number>();
  private current: ConsumedRecord | null = null;

  constructor(private readonly layout: TaskLayout) {}

  taskIdOf(tp: TopicPartition): string {
    const sub = this.layout.subTopologyOfTopic.get(tp.topic);
    if (sub === undefined) throw new Error(`topic ${tp.topic} is not an input of this query`);
    return taskId(sub, tp.partition);
  }

  subTopologyOf(tp: TopicPartition): number {
    return this.layout.subTopologyOfTopic.get(tp.topic) ?? -1;
  }

  get(id: string): RunnerTask | undefined {
    return this.open.get(id)?.task;
  }

  tasks(): readonly RunnerTask[] {
    return [...this.open.values()].map((o) => o.task);
  }

  ids(): readonly string[] {
    return [...this.open.keys()];
  }

  add(task: RunnerTask): void {
    this.open.set(task.id, { task, inputs: new Map() });
  }

  attach(id: string, tp: TopicPartition): void {
    this.open.get(id)?.inputs.set(partitionKey(tp), tp);
  }

  /** Detaches partitions; returns the tasks left without inputs (to close). */
  detach(partitions: readonly TopicPartition[]): RunnerTask[] {
    const emptied: RunnerTask[] = [];
    for (const tp of partitions) {
      const id = this.taskIdOf(tp);
      const open = this.open.get(id);
      this.positions.delete(partitionKey(tp));
      this.committed.delete(partitionKey(tp));
      if (!open) continue;
      open.inputs.delete(partitionKey(tp));
      if (open.inputs.size === 0) {
        this.open.delete(id);
        emptied.push(open.task);
      }
    }
    return emptied;
  }

  inputsOf(id: string): readonly TopicPartition[] {
    return [...(this.open.get(id)?.inputs.values() ?? [])];
  }

  begin(record: ConsumedRecord): void {
    // The first record seen on a partition marks where a rewind restarts until a commit.
    if (!this.committed.has(partitionKey(record)))
      this.committed.set(partitionKey(record), record.offset);
    this.current = record;
  }

  done(record: ConsumedRecord): void {
    this.positions.set(partitionKey(record), {
      topic: record.topic,
      partition: record.partition,
      offset: record.offset + 1,
    });
    this.current = null;
  }

  /** The offset after the last record processed on this partition, if any since assignment. */
  position(tp: TopicPartition): number | undefined {
    return this.positions.get(partitionKey(tp))?.offset;
  }

  /** The record being processed, if it has these coordinates (for the DLQ copy). */
  currentRecord(topic: string, partition: number, offset: number): ConsumedRecord | null {
    const r = this.current;
    return r && r.topic === topic && r.partition === partition && r.offset === offset ? r : null;
  }

  /** Positions processed since the last commit. */
  uncommitted(): PartitionOffset[] {
    return [...this.positions.entries()]
      .filter(([k, p]) => this.committed.get(k) !== p.offset)
      .map(([, p]) => p);
  }

  markCommitted(offsets: readonly PartitionOffset[]): void {
    for (const o of offsets) this.committed.set(partitionKey(o), o.offset);
  }

  /** Where each input must restart after abandoning uncommitted work. */
  rewindTargets(): PartitionOffset[] {
    const out: PartitionOffset[] = [];
    for (const open of this.open.values()) {
      for (const [k, tp] of open.inputs) {
        const committed = this.committed.get(k);
        if (committed !== undefined) out.push({ ...tp, offset: committed });
      }
    }
    return out;
  }

  /** After a rewind: each partition restarts at its target, which is also its committed offset. */
  rewound(targets: readonly PartitionOffset[]): void {
    for (const t of targets) {
      this.positions.set(partitionKey(t), {
        topic: t.topic,
        partition: t.partition,
        offset: t.offset,
      });
      this.committed.set(partitionKey(t), t.offset);
    }
  }

  forgetPositions(): void {
    for (const k of [...this.positions.keys()]) {
      const committed = this.committed.get(k);
      if (committed === undefined) this.positions.delete(k);
      else this.positions.set(k, { ...this.positions.get(k)!, offset: committed });
    }
  }
}
