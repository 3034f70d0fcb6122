import { Client } from 'pg';
import type {
  CreatedSlot,
  ReplicationConnection,
  ReplicationHandlers,
  ReplicationParams,
} from '../cdc/replication-port';
import { formatLsn, parseLsn, type Lsn } from '../cdc/lsn';
import { RetriableError } from '../errors';

const PG_EPOCH_MS = 946_684_800_000;

/** pg's Connection events used for the COPY BOTH sub-protocol (not in pg's typings). */
interface CopyConnection {
  on(event: 'copyData', listener: (msg: { chunk: Buffer }) => void): void;
  once(event: 'replicationStart', listener: () => void): void;
  sendCopyFromChunk(chunk: Buffer): void;
  stream: { pause(): void; resume(): void };
}

function statusUpdate(written: Lsn, flushed: Lsn, replyRequested: boolean): Buffer {
  const b = Buffer.alloc(34);
  b.write('r', 0, 'latin1');
  b.writeBigUInt64BE(written, 1);
  b.writeBigUInt64BE(flushed, 9);
  b.writeBigUInt64BE(flushed, 17);
  b.writeBigInt64BE(BigInt(Date.now() - PG_EPOCH_MS) * 1000n, 25);
  b.writeUInt8(replyRequested ? 1 : 0, 33);
  return b;
}

function retriable(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new RetriableError(`replication connection: ${message}`, { cause: error });
}

/** A walsender connection (`replication=database`) speaking the streaming replication protocol. */
export async function pgReplicationConnection(
  params: ReplicationParams,
): Promise<ReplicationConnection> {
  const client = new Client({
    host: params.host,
    port: params.port,
    database: params.database,
    user: params.user,
    ...(params.password === undefined ? {} : { password: params.password }),
    replication: 'database',
    application_name: 'brook-cdc',
    options: '-c TimeZone=UTC -c DateStyle=ISO -c extra_float_digits=3',
  } as ConstructorParameters<typeof Client>[0]);
  let handlers: ReplicationHandlers | undefined;
  let closing = false;
  client.on('error', (error) => handlers?.onClose(retriable(error)));
  client.on('end', () =>
    handlers?.onClose(closing ? null : retriable(new Error('connection ended'))),
  );
  try {
    await client.connect();
  } catch (error) {
    throw retriable(error);
  }
  const connection = (client as unknown as { connection: CopyConnection }).connection;
  return {
    async createSlot(slot, plugin, exportSnapshot): Promise<CreatedSlot> {
      const mode = exportSnapshot ? 'EXPORT_SNAPSHOT' : 'NOEXPORT_SNAPSHOT';
      const r = await client.query<{ consistent_point: string; snapshot_name: string | null }>(
        `CREATE_REPLICATION_SLOT "${slot.replace(/"/g, '""')}" LOGICAL ${plugin} ${mode}`,
      );
      const row = r.rows[0]!;
      return { consistentPoint: parseLsn(row.consistent_point), snapshotName: row.snapshot_name };
    },
    startStreaming(slot, startLsn, options, h): Promise<void> {
      handlers = h;
      connection.on('copyData', ({ chunk }) => {
        const tag = chunk[0];
        if (tag === 0x77) h.onData(chunk.readBigUInt64BE(1), chunk.subarray(25));
        else if (tag === 0x6b) h.onKeepalive(chunk.readBigUInt64BE(1), chunk[17] === 1);
      });
      const opts = Object.entries(options)
        .map(([k, v]) => `${k} '${v.replace(/'/g, "''")}'`)
        .join(', ');
      return new Promise((resolve, reject) => {
        connection.once('replicationStart', () => resolve());
        client
          .query(
            `START_REPLICATION SLOT "${slot.replace(/"/g, '""')}" LOGICAL ${formatLsn(startLsn)} (${opts})`,
          )
          .then(
            () => h.onClose(closing ? null : retriable(new Error('replication stream ended'))),
            (error: unknown) => {
              const wrapped = retriable(error);
              reject(wrapped);
              h.onClose(closing ? null : wrapped);
            },
          );
      });
    },
    sendStatus(written, flushed, replyRequested) {
      if (!closing) connection.sendCopyFromChunk(statusUpdate(written, flushed, replyRequested));
    },
    pause: () => connection.stream.pause(),
    resume: () => connection.stream.resume(),
    async close() {
      closing = true;
      await client.end().catch(() => undefined);
    },
  };
}
