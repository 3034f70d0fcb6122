/** Connect's states, as `GET /connectors/{name}/status` reports them. */
export type ConnectState =
  'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FAILED' | 'RESTARTING';

/** What the user asked for (`connect-configs` target-state records). */
export type TargetState = 'STARTED' | 'PAUSED' | 'STOPPED';

export interface StateSnapshot {
  readonly state: ConnectState;
  readonly trace: string | null;
}

export type ConnectorType = 'source' | 'sink';

/** Typed lifecycle events, for logs and tests. */
export type LifecycleEvent =
  | {
      readonly kind: 'connector-state';
      readonly connector: string;
      readonly state: ConnectState;
      readonly trace: string | null;
    }
  | {
      readonly kind: 'task-state';
      readonly connector: string;
      readonly task: number;
      readonly state: ConnectState;
      readonly trace: string | null;
    };
