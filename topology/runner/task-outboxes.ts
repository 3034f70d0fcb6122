import type { KafkaClientPort } from '../kafka';
import { RunnerError } from './runner-error';
import { TransactionalOutbox } from './transactional-outbox';

/**
 * The transactional outboxes of the tasks open on this instance (exactly_once_v2 only; under
 * at_least_once the map stays empty and tasks write through the runner's shared producer).
 */
export class TaskOutboxes {
  private readonly open = new Map<string, TransactionalOutbox>();

  constructor(
    private readonly kafka: KafkaClientPort,
    private readonly applicationId: string,
    private readonly queryId: string,
  ) {}

  /** Opens (or reopens) the task's producer, `<applicationId>-<taskId>`, fencing older owners. */
  async openFor(taskId: string): Promise<void> {
    await this.closeFor(taskId);
    this.open.set(
      taskId,
      await TransactionalOutbox.open(this.kafka, `${this.applicationId}-${taskId}`),
    );
  }

  find(taskId: string): TransactionalOutbox | undefined {
    return this.open.get(taskId);
  }

  get(taskId: string): TransactionalOutbox {
    const outbox = this.open.get(taskId);
    if (!outbox)
      throw new RunnerError(
        'INFRASTRUCTURE',
        `task ${taskId} has no transactional producer`,
        false,
        {
          queryId: this.queryId,
        },
      );
    return outbox;
  }

  /** Drops the task's uncommitted records and closes its producer. */
  async closeFor(taskId: string): Promise<void> {
    const outbox = this.open.get(taskId);
    this.open.delete(taskId);
    await outbox?.close().catch(() => undefined);
  }
}
