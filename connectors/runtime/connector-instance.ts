import type { Logger } from 'pino';
import { stackTrace } from '../errors';
import type { ConnectorPlugin } from '../plugins/plugin-registry';
import type { Connector, Props } from '../plugins/source-connector';
import type { ConnectState, TargetState } from './connect-state';
import type { TaskDeps } from './worker-task';
import { WorkerTask } from './worker-task';
import { WorkerSinkTask } from './worker-sink-task';
import { WorkerSourceTask } from './worker-source-task';

/**
 * One connector on this worker: its Connector instance, task configs and WorkerTasks, driven
 * towards the target state (STARTED, PAUSED, STOPPED).
 */
export class ConnectorInstance {
  private connector: Connector | undefined;
  private stateValue: ConnectState = 'UNASSIGNED';
  private traceValue: string | null = null;
  private tasksValue: WorkerTask[] = [];
  private taskConfigsValue: readonly Props[] = [];
  private readonly logger: Logger;

  constructor(
    readonly name: string,
    readonly props: Props,
    readonly plugin: ConnectorPlugin,
    private target: TargetState,
    private readonly deps: TaskDeps,
  ) {
    this.logger = deps.logger.child({ connector: name });
  }

  get state(): ConnectState {
    return this.stateValue;
  }
  get trace(): string | null {
    return this.traceValue;
  }
  get tasks(): readonly WorkerTask[] {
    return this.tasksValue;
  }
  get taskConfigs(): readonly Props[] {
    return this.taskConfigsValue;
  }
  get targetState(): TargetState {
    return this.target;
  }

  async start(): Promise<void> {
    if (this.target === 'STOPPED') {
      this.setState('STOPPED', null);
      return;
    }
    try {
      this.connector = this.plugin.createConnector();
      await this.connector.start(this.props, {
        connectorName: this.name,
        logger: this.logger,
        requestTaskReconfiguration: () => void this.reconfigure(),
        raiseError: (error) => this.setState('FAILED', stackTrace(error)),
      });
      const maxTasks = Number(this.props['tasks.max'] ?? '1');
      this.taskConfigsValue = await this.connector.taskConfigs(maxTasks);
      this.setState(this.target === 'PAUSED' ? 'PAUSED' : 'RUNNING', null);
      this.startTasks();
    } catch (error) {
      this.logger.error({ err: stackTrace(error) }, 'connector failed to start');
      this.setState('FAILED', stackTrace(error));
    }
  }

  async stop(): Promise<void> {
    await this.stopTasks();
    await this.connector
      ?.stop()
      .catch((err: unknown) => this.logger.warn({ err: stackTrace(err) }, 'connector stop failed'));
    this.connector = undefined;
  }

  async setTarget(target: TargetState): Promise<void> {
    const previous = this.target;
    this.target = target;
    if (target === 'STOPPED') {
      await this.stop();
      this.taskConfigsValue = [];
      this.setState('STOPPED', null);
    } else if (previous === 'STOPPED') {
      await this.start();
    } else if (target === 'PAUSED') {
      for (const t of this.tasksValue) t.pause();
      if (this.stateValue === 'RUNNING') this.setState('PAUSED', null);
    } else {
      for (const t of this.tasksValue) t.resume();
      if (this.stateValue === 'PAUSED') this.setState('RUNNING', null);
    }
  }

  async restart(includeTasks: boolean, onlyFailed: boolean): Promise<void> {
    const restartConnector = !onlyFailed || this.stateValue === 'FAILED';
    if (restartConnector && includeTasks) {
      await this.stop();
      await this.start();
      return;
    }
    if (restartConnector) {
      await this.connector?.stop().catch(() => undefined);
      this.connector = undefined;
      await this.startConnectorOnly();
    }
    if (includeTasks) {
      for (const t of this.tasksValue)
        if (!onlyFailed || t.state === 'FAILED') await this.restartTask(t.id);
    }
  }

  async restartTask(id: number): Promise<void> {
    const index = this.tasksValue.findIndex((t) => t.id === id);
    const existing = this.tasksValue[index];
    if (existing === undefined) return;
    await existing.stop();
    const replacement = this.createTask(id);
    this.tasksValue[index] = replacement;
    replacement.start();
  }

  private async startConnectorOnly(): Promise<void> {
    try {
      this.connector = this.plugin.createConnector();
      await this.connector.start(this.props, {
        connectorName: this.name,
        logger: this.logger,
        requestTaskReconfiguration: () => void this.reconfigure(),
        raiseError: (error) => this.setState('FAILED', stackTrace(error)),
      });
      this.setState(this.target === 'PAUSED' ? 'PAUSED' : 'RUNNING', null);
    } catch (error) {
      this.setState('FAILED', stackTrace(error));
    }
  }

  private async reconfigure(): Promise<void> {
    if (this.connector === undefined || this.target === 'STOPPED') return;
    this.taskConfigsValue = await this.connector.taskConfigs(
      Number(this.props['tasks.max'] ?? '1'),
    );
    await this.stopTasks();
    this.startTasks();
  }

  private startTasks(): void {
    this.tasksValue = this.taskConfigsValue.map((_c, id) => this.createTask(id));
    for (const t of this.tasksValue) t.start();
  }

  private async stopTasks(): Promise<void> {
    await Promise.all(this.tasksValue.map((t) => t.stop()));
    this.tasksValue = [];
  }

  private createTask(id: number): WorkerTask {
    const props = { ...this.props, ...this.taskConfigsValue[id] };
    const paused = this.target === 'PAUSED';
    return this.plugin.kind === 'source'
      ? new WorkerSourceTask(this.name, id, props, this.deps, paused, this.plugin.createTask())
      : new WorkerSinkTask(this.name, id, props, this.deps, paused, this.plugin.createTask());
  }

  private setState(state: ConnectState, trace: string | null): void {
    this.stateValue = state;
    this.traceValue = trace;
    this.deps.onEvent({ kind: 'connector-state', connector: this.name, state, trace });
    this.deps.store
      .writeStatus(this.name, null, state, trace)
      .catch((err: unknown) => this.logger.warn({ err: stackTrace(err) }, 'status write failed'));
  }
}
