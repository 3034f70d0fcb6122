import type { Command } from '../core/command';

/** A command as it sits in the log: its position is the sequence number every engine agrees on. */
export interface LoggedCommand {
  readonly seq: number;
  readonly command: Command;
}

/**
 * The command log: one totally ordered, durable sequence of accepted statements per service id
 * (Kafka topic `_brook_<serviceId>_commands`, one partition). Every engine of the service reads
 * all of it, so they all build the same catalog and run the same queries.
 *
 * Lifecycle: `follow` first delivers every command already in the log, in order, then each new
 * one as it is appended (by this engine or another one), until the returned stop function is
 * called. Deliveries are sequential: the next one waits for the previous handler's promise.
 * `append` resolves with the command's sequence number once the log stored it durably; the
 * command is then delivered to followers like any other.
 */
export interface CommandLogPort {
  append(command: Command): Promise<number>;
  /** Resolves once every command that existed when it was called was delivered to `onCommand`. */
  follow(onCommand: (logged: LoggedCommand) => Promise<void>): Promise<() => Promise<void>>;
  /** Why the log is not being followed right now (a crashed reader), if it is not. */
  failure?(): Error | undefined;
  close(): Promise<void>;
}
