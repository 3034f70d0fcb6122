import type { InferredSchema } from '../../../sql';

/**
 * One accepted statement in the command log. The log stores statements, not plans: every
 * engine re-compiles the text against the catalog built from the commands before it, so all
 * engines of a service derive the same sources, query ids (from the command's sequence number)
 * and topologies. What is not a pure function of the text and the catalog is resolved once,
 * by the engine that accepted the statement, and stored here.
 */
export interface Command {
  readonly version: 1;
  /** The statement text after `${var}` substitution (one statement, no trailing `;`). */
  readonly statement: string;
  /** The session and server properties in force when the statement was accepted. */
  readonly properties: Readonly<Record<string, string>>;
  /** Columns inferred from the schema registry for a CREATE without columns. */
  readonly inferred?: {
    readonly key?: InferredSchema;
    readonly value?: InferredSchema;
  };
  /** The instance that accepted the statement (logging only). */
  readonly origin: string;
}

export const COMMAND_VERSION = 1 as const;

/** Serialised form in the log: JSON, with SQL types already plain data. */
export function encodeCommand(command: Command): Buffer {
  return Buffer.from(JSON.stringify(command), 'utf8');
}

export function decodeCommand(bytes: Buffer): Command {
  const parsed = JSON.parse(bytes.toString('utf8')) as Command;
  if (parsed.version !== COMMAND_VERSION) {
    throw new Error(`Unsupported command version ${String(parsed.version)}`);
  }
  return parsed;
}
