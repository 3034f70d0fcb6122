import { type InferredSchema, supportsSchemaInference, isFormatName } from '../../../sql';
import { type CreateSource, type Property } from '../core/sql-ast';
import { inferColumnsFromAvroSchema } from '../../../topology';
import type { SchemaRegistryPort } from '../ports';
import { rejected } from '../core/statement-errors';

export interface ResolvedInference {
  readonly key?: InferredSchema;
  readonly value?: InferredSchema;
}

/**
 * Fetches the columns of a `CREATE STREAM|TABLE` without a column list (or without key columns)
 * from the registry's latest `<topic>-value` / `<topic>-key` schema (or the given schema id).
 * Only AVRO schemas are inferred; the analyzer reports other formats.
 */
export async function inferSourceColumns(statement: CreateSource, registry: SchemaRegistryPort, physical: (topic: string) => string): Promise<ResolvedInference> {
  const props = propertyMap(statement.properties);
  const topic = physical(props.get('KAFKA_TOPIC') ?? statement.name.name);
  const both = props.get('FORMAT')?.toUpperCase();
  const valueFormat = both ?? props.get('VALUE_FORMAT')?.toUpperCase();
  const keyFormat = both ?? props.get('KEY_FORMAT')?.toUpperCase();
  const hasValueColumns = statement.columns.some((c) => c.constraint === 'NONE');
  const hasKeyColumns = statement.columns.some((c) => c.constraint === 'KEY' || c.constraint === 'PRIMARY KEY');
  const result: { key?: InferredSchema; value?: InferredSchema } = {};
  if (!hasValueColumns && inferable(valueFormat)) {
    // WRAP_SINGLE_VALUE=false makes the whole value schema (a record included) the one column
    // ROWVAL, so a record must not be spread into one column per field.
    const unwrapped = props.get('WRAP_SINGLE_VALUE')?.trim().toLowerCase() === 'false';
    const value = await fetchSchema(registry, `${topic}-value`, numberOf(props.get('VALUE_SCHEMA_ID')), unwrapped);
    if (value) result.value = value;
  }
  if (!hasKeyColumns && inferable(keyFormat)) {
    const key = await fetchSchema(registry, `${topic}-key`, numberOf(props.get('KEY_SCHEMA_ID')), false);
    if (key) result.key = key;
  }
  return result;
}

function inferable(format: string | undefined): boolean {
  return format !== undefined && isFormatName(format) && supportsSchemaInference(format) && format === 'AVRO';
}

async function fetchSchema(
  registry: SchemaRegistryPort,
  subject: string,
  schemaId: number | undefined,
  wrapSingleValueFalse: boolean,
): Promise<InferredSchema | undefined> {
  let schema: unknown;
  if (schemaId !== undefined) {
    schema = await registry.schemaById(schemaId).catch(() => undefined);
    if (schema === undefined) throw rejected(`Schema with id ${schemaId} does not exist in the schema registry`);
  } else {
    schema = (await registry.latest(subject))?.schema;
    if (schema === undefined) return undefined;
  }
  const columns = inferColumnsFromAvroSchema(schema, { unwrapped: wrapSingleValueFalse });
  const unwrapped = wrapSingleValueFalse || (columns.length === 1 && columns[0]?.name === 'ROWVAL' && !isRecord(schema));
  return { columns: columns.map((c) => ({ name: c.name.toUpperCase(), type: c.type })), unwrapped };
}

function isRecord(schema: unknown): boolean {
  const s = typeof schema === 'string' ? (JSON.parse(schema) as unknown) : schema;
  return typeof s === 'object' && s !== null && (s as { type?: unknown }).type === 'record';
}

function propertyMap(properties: readonly Property[]): Map<string, string> {
  return new Map(
    properties.map((p) => [p.key, p.value.kind === 'StringLiteral' ? p.value.value : p.value.kind === 'BooleanLiteral' ? String(p.value.value) : p.value.text]),
  );
}

function numberOf(text: string | undefined): number | undefined {
  return text === undefined || !/^\d+$/.test(text.trim()) ? undefined : Number(text);
}
