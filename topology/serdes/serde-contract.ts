import type { SqlType } from '../spec';
import type { Value } from '../functions/function-contract';

/**
 * The contract between the runtime and the serialisation formats. A serde turns the key or
 * the value columns of one row into Kafka bytes and back. Serdes are asynchronous because
 * AVRO talks to the schema registry (registration, lookup by id); implementations cache so the
 * per-record path normally resolves without I/O.
 */

/** A column of a key or value schema, in declaration order. */
export interface Column {
  readonly name: string;
  readonly type: SqlType;
}

/** The columns of one side (key or value) in schema order; `Row[i]` belongs to `columns[i]`. */
export type Row = readonly Value[];

export type FormatName = 'KAFKA' | 'JSON' | 'AVRO' | 'DELIMITED' | 'NONE';

export interface FormatSpec {
  readonly format: FormatName;
  /**
   * Format properties, upper-case keys as ksqlDB prints them: `delimiter` for DELIMITED,
   * `fullSchemaName` / `schemaId` for AVRO, ...
   */
  readonly properties: Readonly<Record<string, string>>;
  /**
   * `WRAP_SINGLE_VALUE`: when false a single-column value is written bare (JSON scalar,
   * Avro primitive). Defaults to true for values; keys are always unwrapped as ksqlDB does.
   */
  readonly wrapSingleValue?: boolean;
}

export type WindowType = 'TUMBLING' | 'HOPPING' | 'SESSION';

/** A window attached to a key: Kafka Streams' windowed key layouts. */
export interface Window {
  readonly start: number;
  readonly end: number;
}

export interface SerdeRequest {
  readonly topic: string;
  readonly isKey: boolean;
  readonly format: FormatSpec;
  readonly columns: readonly Column[];
  /** For windowed keys: the inner key is followed by the window bytes. */
  readonly window?: { readonly type: WindowType; readonly sizeMs?: number };
}

export interface Serde {
  /** `null` row means a Kafka null (a tombstone for values). */
  serialize(row: Row | null, window?: Window): Promise<Buffer | null>;
  /** Throws `SerdeError` on bytes that do not decode under this schema. */
  deserialize(bytes: Buffer | null): Promise<{ row: Row | null; window?: Window }>;
}

export interface SerdeFactory {
  create(request: SerdeRequest): Serde;
}

export class SerdeError extends Error {
  readonly code = 'SERDE_ERROR';
  readonly retriable = false;
  constructor(
    message: string,
    readonly topic: string,
    readonly isKey: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SerdeError';
  }
}
