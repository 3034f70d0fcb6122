import type { Logger } from 'pino';
import type { ParsedConfig } from '../config';
import { stackTrace } from '../errors';
import type { ErrorPolicyFactory } from '../plugins/error-policy';
import { abortableSleep, type TaskContext } from '../plugins/connector-context';
import type { PluginRegistry } from '../plugins/plugin-registry';
import type { Props } from '../plugins/source-connector';
import type { ConnectState, LifecycleEvent } from './connect-state';
import type { KafkaPort } from './kafka-port';
import type { StateStore } from './state-store';

export interface TaskDeps {
  readonly kafka: KafkaPort;
  readonly store: StateStore;
  readonly plugins: PluginRegistry;
  readonly worker: ParsedConfig;
  readonly logger: Logger;
  readonly errorPolicy: ErrorPolicyFactory;
  readonly clock: () => number;
  readonly onEvent: (event: LifecycleEvent) => void;
}

/**
 * What the worker runs for one task: state machine UNASSIGNED -> RUNNING <-> PAUSED, and
 * FAILED (with the stack trace) or STOPPED at the end. Subclasses implement `run`, a loop that
 * returns when `signal` aborts.
 */
export abstract class WorkerTask {
  private stateValue: ConnectState = 'UNASSIGNED';
  private traceValue: string | null = null;
  private readonly controller = new AbortController();
  private pausedValue = false;
  private resumed: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  protected readonly logger: Logger;

  constructor(
    readonly connector: string,
    readonly id: number,
    readonly props: Props,
    protected readonly deps: TaskDeps,
    startPaused: boolean,
  ) {
    this.logger = deps.logger.child({ connector, task: id });
    this.pausedValue = startPaused;
  }

  get state(): ConnectState {
    return this.stateValue;
  }

  get trace(): string | null {
    return this.traceValue;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get paused(): boolean {
    return this.pausedValue;
  }

  protected context(): TaskContext {
    const signal = this.controller.signal;
    return {
      connectorName: this.connector,
      taskId: this.id,
      logger: this.logger,
      signal,
      sleep: (ms) => abortableSleep(ms, signal),
    };
  }

  start(): void {
    this.loop = this.run().catch((error: unknown) => this.fail(error));
  }

  async stop(): Promise<void> {
    this.controller.abort();
    this.resumed?.();
    await this.loop;
    if (this.stateValue !== 'FAILED') this.setState('UNASSIGNED', null);
  }

  pause(): void {
    if (this.pausedValue) return;
    this.pausedValue = true;
    if (this.stateValue === 'RUNNING') this.setState('PAUSED', null);
    this.onPause();
  }

  resume(): void {
    if (!this.pausedValue) return;
    this.pausedValue = false;
    if (this.stateValue === 'PAUSED') this.setState('RUNNING', null);
    this.onResume();
    this.resumed?.();
  }

  /** Waits while paused; resolves at once when running or stopping. */
  protected async whilePaused(): Promise<void> {
    while (this.pausedValue && !this.signal.aborted)
      await new Promise<void>((resolve) => (this.resumed = resolve));
  }

  protected running(): void {
    this.setState(this.pausedValue ? 'PAUSED' : 'RUNNING', null);
  }

  protected fail(error: unknown): void {
    this.logger.error({ err: stackTrace(error) }, 'task failed');
    this.setState('FAILED', stackTrace(error));
  }

  protected onPause(): void {}
  protected onResume(): void {}
  protected abstract run(): Promise<void>;

  private setState(state: ConnectState, trace: string | null): void {
    this.stateValue = state;
    this.traceValue = trace;
    this.deps.onEvent({
      kind: 'task-state',
      connector: this.connector,
      task: this.id,
      state,
      trace,
    });
    this.deps.store
      .writeStatus(this.connector, this.id, state, trace)
      .catch((err: unknown) => this.logger.warn({ err: stackTrace(err) }, 'status write failed'));
  }
}
