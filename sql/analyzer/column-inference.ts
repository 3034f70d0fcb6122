import { SqlTypes, type SqlType } from '../../topology/spec';
import type { CreateSource } from '../ast';
import {
  supportsSchemaInference,
  type Column,
  type FormatInfo,
  type SchemaInference,
} from '../catalog';
import { AnalysisErrorCodes, fail } from './analysis-error';
import type { ResolvedFormats } from './format-rules';

/**
 * Columns from the schema registry for a CREATE without (key or value) columns: a record value
 * becomes one column per field, an anonymous value `ROWVAL`; a key becomes `ROWKEY` (Protobuf
 * message keys become one key column per field, as ksqlDB does).
 */
export function inferColumns(
  stmt: CreateSource,
  declared: Column[],
  formats: ResolvedFormats,
  topic: string,
  inference: SchemaInference,
): Column[] {
  let columns = declared;
  const hasKey = declared.some((c) => c.namespace === 'KEY');
  const hasValue = declared.some((c) => c.namespace === 'VALUE');
  if (!hasKey && supportsSchemaInference(formats.keyFormat.format)) {
    const key = inference.inferColumns({
      topic,
      side: 'KEY',
      format: formats.keyFormat.format,
      ...sideRequest(formats.keyFormat),
    });
    if (key && !key.unwrapped && formats.keyFormat.format.startsWith('PROTOBUF')) {
      columns = [
        ...key.columns.map((c) => ({ name: c.name, type: c.type, namespace: 'KEY' as const })),
        ...columns,
      ];
    } else if (key) {
      const type: SqlType =
        key.unwrapped && key.columns.length === 1
          ? key.columns[0]!.type
          : { kind: 'STRUCT', fields: key.columns };
      columns = [{ name: 'ROWKEY', type, namespace: 'KEY' }, ...columns];
    }
  }
  if (!hasValue) {
    if (supportsSchemaInference(formats.valueFormat.format)) {
      const value = inference.inferColumns({
        topic,
        side: 'VALUE',
        format: formats.valueFormat.format,
        ...sideRequest(formats.valueFormat),
      });
      if (!value) {
        fail(
          AnalysisErrorCodes.schemaInference,
          `Schema for message values on topic '${topic}' does not exist in the Schema Registry.`,
          stmt.span,
        );
      }
      const inferred = value.unwrapped
        ? [{ name: 'ROWVAL', type: value.columns[0]?.type ?? SqlTypes.string }]
        : value.columns;
      columns = [
        ...columns,
        ...inferred.map((c) => ({ name: c.name, type: c.type, namespace: 'VALUE' as const })),
      ];
    } else if (declared.length === 0 && formats.valueFormat.format !== 'NONE') {
      fail(
        AnalysisErrorCodes.missingProperty,
        'The statement does not define any columns.',
        stmt.span,
      );
    }
  }
  return columns;
}

function sideRequest(format: FormatInfo): { schemaId?: number; fullSchemaName?: string } {
  return {
    ...(format.schemaId !== undefined ? { schemaId: format.schemaId } : {}),
    ...(format.fullSchemaName !== undefined ? { fullSchemaName: format.fullSchemaName } : {}),
  };
}
