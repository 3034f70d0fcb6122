import type { Lsn } from './lsn';

/**
 * The CDC source's view of a logical replication connection; `connectors/postgres` implements
 * it over pg's protocol (the only place that imports pg).
 */
export interface ReplicationParams {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly password?: string;
}

export interface CreatedSlot {
  readonly consistentPoint: Lsn;
  /** Name of the exported snapshot, valid until the connection runs its next command. */
  readonly snapshotName: string | null;
}

export interface ReplicationHandlers {
  onData(walStart: Lsn, payload: Buffer): void;
  onKeepalive(walEnd: Lsn, replyRequested: boolean): void;
  /** The stream ended: `error` is null after `close`, the cause otherwise. */
  onClose(error: Error | null): void;
}

export interface ReplicationConnection {
  createSlot(slot: string, plugin: string, exportSnapshot: boolean): Promise<CreatedSlot>;
  /** Sends START_REPLICATION and resolves once the server switched to streaming. */
  startStreaming(
    slot: string,
    startLsn: Lsn,
    options: Readonly<Record<string, string>>,
    handlers: ReplicationHandlers,
  ): Promise<void>;
  /** Standby status update: `flushed` is what the slot may discard (confirmed_flush_lsn). */
  sendStatus(written: Lsn, flushed: Lsn, replyRequested: boolean): void;
  /** Stops reading the socket (backpressure); the server buffers. */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

export type ReplicationConnector = (params: ReplicationParams) => Promise<ReplicationConnection>;
