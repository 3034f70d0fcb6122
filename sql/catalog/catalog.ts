import type { SqlType } from '../../topology/spec';
import type { SourceDefinition } from './source';

/**
 * What the analyzer may ask about the world. Names are the normalised catalog names
 * (upper case unless quoted). Implementations: `InMemoryCatalog` (explain, tests) and the
 * engine's metastore.
 */
export interface Catalog {
  getSource(name: string): SourceDefinition | undefined;
  listSources(): readonly SourceDefinition[];
  /** A type registered with CREATE TYPE. */
  getType(name: string): SqlType | undefined;
  listTypes(): readonly { readonly name: string; readonly type: SqlType }[];
}

/**
 * Column inference for `CREATE STREAM s WITH (VALUE_FORMAT='AVRO')` without columns: the port
 * to the schema registry. Returns undefined when no schema is registered.
 */
export interface SchemaInference {
  inferColumns(request: SchemaInferenceRequest): InferredSchema | undefined;
}

export interface SchemaInferenceRequest {
  readonly topic: string;
  readonly side: 'KEY' | 'VALUE';
  readonly format: string;
  readonly schemaId?: number;
  /** `KEY_SCHEMA_FULL_NAME` / `VALUE_SCHEMA_FULL_NAME`: which message of a multi-message schema. */
  readonly fullSchemaName?: string;
}

/** A registered schema as columns; `unwrapped` when the schema is a single anonymous type. */
export interface InferredSchema {
  readonly columns: readonly { readonly name: string; readonly type: SqlType }[];
  readonly unwrapped: boolean;
}

/** A catalog that infers nothing: offline explain without a registry. */
export const noSchemaInference: SchemaInference = { inferColumns: () => undefined };
