/** One row of SHOW CONNECTORS. */
export interface ConnectorSummary {
  readonly name: string;
  readonly type: 'source' | 'sink' | 'unknown';
  readonly className: string;
  /** Connector state: RUNNING, PAUSED, FAILED, UNASSIGNED. */
  readonly state: string;
  readonly tasks: readonly { readonly id: number; readonly state: string; readonly trace?: string }[];
}

export interface ConnectorDetails extends ConnectorSummary {
  readonly config: Readonly<Record<string, string>>;
  /** Topics the connector reads or writes, when known. */
  readonly topics: readonly string[];
}

/**
 * The engine's view of the Kafka Connect runtime: CREATE/DROP/SHOW/DESCRIBE CONNECTOR go
 * through it, so the engine never depends on the connectors module directly.
 */
export interface ConnectPort {
  /** Creates a connector; rejects with a `ConnectPortError` (status 409) when it exists. */
  create(name: string, config: Readonly<Record<string, string>>): Promise<ConnectorDetails>;
  /** Rejects with a `ConnectPortError` (status 404) when it does not exist. */
  delete(name: string): Promise<void>;
  list(): Promise<readonly ConnectorSummary[]>;
  /** `undefined` when it does not exist. */
  describe(name: string): Promise<ConnectorDetails | undefined>;
}

/** A failure reported by the Connect runtime, with Connect's HTTP status. */
export class ConnectPortError extends Error {
  readonly code = 'CONNECT_ERROR';
  constructor(
    readonly status: number,
    message: string,
    readonly retriable = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ConnectPortError';
  }
}
