/** Serialization formats ksqlDB knows. NONE is a key format for keyless sources. */
export type FormatName =
  'KAFKA' | 'JSON' | 'JSON_SR' | 'AVRO' | 'PROTOBUF' | 'PROTOBUF_NOSR' | 'DELIMITED' | 'NONE';

export const FORMAT_NAMES: readonly FormatName[] = [
  'KAFKA',
  'JSON',
  'JSON_SR',
  'AVRO',
  'PROTOBUF',
  'PROTOBUF_NOSR',
  'DELIMITED',
  'NONE',
];

/**
 * A format plus its per-side properties (`delimiter`, `fullSchemaName`, `schemaId`), and the
 * serde feature ksqlDB calls WRAP_SINGLE_VALUES / UNWRAP_SINGLES for single-column sides.
 */
export interface FormatInfo {
  readonly format: FormatName;
  readonly delimiter?: string;
  readonly fullSchemaName?: string;
  readonly schemaId?: number;
  /** Set only when the user (or a config) chose it; absent means the format's default. */
  readonly wrapSingleValue?: boolean;
}

export function formatInfo(format: FormatName, props: Omit<FormatInfo, 'format'> = {}): FormatInfo {
  return { format, ...props };
}

export function isFormatName(text: string): text is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(text);
}

/** Formats whose schemas live in the schema registry (so columns may be inferred). */
export function supportsSchemaInference(format: FormatName): boolean {
  return (
    format === 'AVRO' || format === 'JSON_SR' || format === 'PROTOBUF' || format === 'PROTOBUF_NOSR'
  );
}

/** Formats that can carry several columns on one side of the record. */
export function supportsMultipleColumns(format: FormatName): boolean {
  return format !== 'KAFKA' && format !== 'NONE';
}

/** Formats that can serialise the single-column value unwrapped. */
export function supportsUnwrapping(format: FormatName): boolean {
  return format === 'JSON' || format === 'JSON_SR' || format === 'AVRO' || format === 'PROTOBUF';
}
