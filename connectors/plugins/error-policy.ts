import type { Logger } from 'pino';
import type { ConnectRecord } from '../data/connect-record';
import type { KafkaPort } from '../runtime/kafka-port';
import type { Props } from './source-connector';

export type ErrorStage =
  'KEY_CONVERTER' | 'VALUE_CONVERTER' | 'TRANSFORMATION' | 'TASK_PUT' | 'TASK_POLL';

export interface FailedRecord {
  readonly stage: ErrorStage;
  readonly connector: string;
  readonly taskId: number;
  /** The record as far as it got (sink: the consumed bytes' coordinates are in `origin`). */
  readonly record?: ConnectRecord;
  readonly origin?: {
    readonly topic: string;
    readonly partition: number;
    readonly offset: bigint;
    readonly key: Buffer | null;
    readonly value: Buffer | null;
  };
}

/**
 * How a task treats a failing record (Connect's `errors.*`). `execute` runs one stage for one
 * record: it returns the stage's result, or `undefined` when the record is tolerated and
 * skipped (after reporting it), or throws to fail the task.
 */
export interface ErrorPolicy {
  execute<T>(failed: FailedRecord, operation: () => Promise<T>): Promise<T | undefined>;
  /** Skipped records so far, per stage (exposed in logs and status). */
  skipped(): number;
  /**
   * Releases what the policy holds (a dead-letter producer, pending retry waits). The task calls
   * it once, after the connector's task stopped; the policy is not used afterwards.
   */
  close?(): Promise<void>;
}

export interface ErrorPolicyDeps {
  readonly logger: Logger;
  /** For policies that write dead-letter records (create the topic, produce with headers). */
  readonly kafka: KafkaPort;
}

/** Builds a task's policy from the connector's props; plug a richer one (retries, DLQ) in the worker options. */
export type ErrorPolicyFactory = (
  connector: string,
  props: Props,
  deps: ErrorPolicyDeps,
) => ErrorPolicy;
