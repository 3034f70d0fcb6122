import type { Props } from '../plugins/source-connector';
import type { ConnectorType } from './connect-state';
import type { ConnectorInstance } from './connector-instance';
import type { WorkerTask } from './worker-task';

/** The JSON shapes of Connect's REST API. */
export interface ConnectorInfo {
  readonly name: string;
  readonly config: Props;
  readonly tasks: readonly { readonly connector: string; readonly task: number }[];
  readonly type: ConnectorType;
}

export interface TaskStatus {
  readonly id: number;
  readonly state: string;
  readonly worker_id: string;
  readonly trace?: string;
}

export interface ConnectorStatus {
  readonly name: string;
  readonly connector: {
    readonly state: string;
    readonly worker_id: string;
    readonly trace?: string;
  };
  readonly tasks: readonly TaskStatus[];
  readonly type: ConnectorType;
}

export interface TaskInfo {
  readonly id: { readonly connector: string; readonly task: number };
  readonly config: Props;
}

export function taskStatus(task: WorkerTask, workerId: string): TaskStatus {
  return {
    id: task.id,
    state: task.state,
    worker_id: workerId,
    ...(task.trace === null ? {} : { trace: task.trace }),
  };
}

export function connectorStatus(instance: ConnectorInstance, workerId: string): ConnectorStatus {
  return {
    name: instance.name,
    connector: {
      state: instance.state,
      worker_id: workerId,
      ...(instance.trace === null ? {} : { trace: instance.trace }),
    },
    tasks: instance.tasks.map((t) => taskStatus(t, workerId)),
    type: instance.plugin.kind,
  };
}
