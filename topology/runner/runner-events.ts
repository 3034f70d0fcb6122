/** Lifecycle states of a running query (ksqlDB shows RUNNING, PAUSED, ERROR as FAILED here). */
export type QueryState =
  'CREATED' | 'STARTING' | 'RUNNING' | 'PAUSED' | 'STOPPING' | 'STOPPED' | 'FAILED';

/** Typed lifecycle events, for logs, the engine and tests. */
export type RunnerEvent =
  | {
      readonly kind: 'StateChanged';
      readonly queryId: string;
      readonly from: QueryState;
      readonly to: QueryState;
      readonly cause?: string;
    }
  | {
      readonly kind: 'TasksAssigned';
      readonly queryId: string;
      readonly taskIds: readonly string[];
    }
  | {
      readonly kind: 'TasksRevoked';
      readonly queryId: string;
      readonly taskIds: readonly string[];
      readonly committed: boolean;
    }
  | {
      readonly kind: 'RestoreStarted';
      readonly queryId: string;
      readonly taskId: string;
      readonly store: string;
      readonly fromOffset: number;
      readonly toOffset: number;
    }
  | {
      readonly kind: 'RestoreCompleted';
      readonly queryId: string;
      readonly taskId: string;
      readonly store: string;
      readonly records: number;
      readonly durationMs: number;
    }
  | {
      readonly kind: 'Committed';
      readonly queryId: string;
      readonly records: number;
      readonly durationMs: number;
    }
  | {
      readonly kind: 'Recovering';
      readonly queryId: string;
      readonly attempt: number;
      readonly cause: string;
    };

export type RunnerEventListener = (event: RunnerEvent) => void;
