import { formatSqlType, type SqlType } from '../../topology/spec';
import type { Span } from '../ast';
import {
  formatInfo,
  isFormatName,
  supportsMultipleColumns,
  type Column,
  type FormatInfo,
  type FormatName,
} from '../catalog';
import { AnalysisErrorCodes, fail } from './analysis-error';
import { formatColumnList } from './schema-text';
import { containsMap } from './types';
import type { WithProperties } from './with-properties';

export interface ResolvedFormats {
  readonly keyFormat: FormatInfo;
  readonly valueFormat: FormatInfo;
}

/** Key and value formats from FORMAT / KEY_FORMAT / VALUE_FORMAT, falling back to `defaults`. */
export function resolveFormats(
  props: WithProperties,
  defaults: { readonly key?: FormatName; readonly value?: FormatName },
): ResolvedFormats {
  const both = formatProp(props, 'FORMAT');
  const key = formatProp(props, 'KEY_FORMAT');
  const value = formatProp(props, 'VALUE_FORMAT');
  if (both && key) {
    fail(
      AnalysisErrorCodes.invalidProperty,
      "Cannot supply both 'KEY_FORMAT' and 'FORMAT' properties, as 'FORMAT' sets both key and value formats. Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.",
      props.spanOf('KEY_FORMAT'),
    );
  }
  if (both && value) {
    fail(
      AnalysisErrorCodes.invalidProperty,
      "Cannot supply both 'VALUE_FORMAT' and 'FORMAT' properties, as 'FORMAT' sets both key and value formats. Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.",
      props.spanOf('VALUE_FORMAT'),
    );
  }
  const keyName = both ?? key ?? defaults.key ?? 'KAFKA';
  const valueName = both ?? value ?? defaults.value;
  if (!valueName) {
    fail(
      AnalysisErrorCodes.missingProperty,
      "Statement is missing the 'VALUE_FORMAT' property from the WITH clause. Either provide one or set a default via the 'ksql.persistence.default.format.value' config.",
      props.span,
    );
  }
  return {
    keyFormat: sideFormat(props, keyName, 'KEY'),
    valueFormat: sideFormat(props, valueName, 'VALUE'),
  };
}

function formatProp(props: WithProperties, key: string): FormatName | undefined {
  const text = props.string(key)?.trim().toUpperCase();
  if (text === undefined) return undefined;
  if (!isFormatName(text))
    fail(AnalysisErrorCodes.invalidFormat, `Unknown format: ${text}`, props.spanOf(key));
  return text;
}

function sideFormat(props: WithProperties, name: FormatName, side: 'KEY' | 'VALUE'): FormatInfo {
  const delimiter = props.string(`${side}_DELIMITER`);
  const fullName =
    props.string(`${side}_SCHEMA_FULL_NAME`) ??
    (side === 'VALUE' ? props.string('VALUE_AVRO_SCHEMA_FULL_NAME') : undefined);
  const schemaId = props.integer(`${side}_SCHEMA_ID`);
  if (delimiter !== undefined && name !== 'DELIMITED') {
    fail(
      AnalysisErrorCodes.invalidProperty,
      `${name} does not support the following configs: [delimiter]`,
      props.spanOf(`${side}_DELIMITER`),
    );
  }
  if (fullName !== undefined) {
    const key = props.has(`${side}_SCHEMA_FULL_NAME`)
      ? `${side}_SCHEMA_FULL_NAME`
      : 'VALUE_AVRO_SCHEMA_FULL_NAME';
    if (name !== 'AVRO' && name !== 'PROTOBUF' && name !== 'JSON_SR') {
      fail(
        AnalysisErrorCodes.invalidProperty,
        `${name} does not support the following configs: [fullSchemaName]`,
        props.spanOf(key),
      );
    }
    if (fullName.trim() === '') {
      fail(
        AnalysisErrorCodes.invalidProperty,
        'fullSchemaName cannot be empty. Format configuration: {fullSchemaName=}',
        props.spanOf(key),
      );
    }
  }
  if (schemaId !== undefined && name !== 'AVRO' && name !== 'PROTOBUF' && name !== 'JSON_SR') {
    fail(
      AnalysisErrorCodes.invalidProperty,
      `${name} does not support the following configs: [schemaId]`,
      props.spanOf(`${side}_SCHEMA_ID`),
    );
  }
  return formatInfo(name, {
    ...(delimiter !== undefined ? { delimiter: parseDelimiter(delimiter, props, side) } : {}),
    ...(fullName !== undefined ? { fullSchemaName: fullName.trim() } : {}),
    ...(schemaId !== undefined ? { schemaId } : {}),
  });
}

function parseDelimiter(text: string, props: WithProperties, side: string): string {
  const upper = text.toUpperCase();
  if (upper === 'TAB') return '\t';
  if (upper === 'SPACE') return ' ';
  if (text.length !== 1) {
    fail(
      AnalysisErrorCodes.invalidProperty,
      `Invalid delimiter value: '${text}'. Delimiter must be a single character or TAB or SPACE`,
      props.spanOf(`${side}_DELIMITER`),
    );
  }
  return text;
}

const KAFKA_TYPES = new Set(['INTEGER', 'BIGINT', 'DOUBLE', 'STRING', 'BYTES']);

/** The per-format column rules ksqlDB enforces on a source or sink schema. */
export function validateFormatColumns(
  formats: ResolvedFormats,
  columns: readonly Column[],
  span: Span,
): void {
  const keys = columns.filter((c) => c.namespace === 'KEY');
  const values = columns.filter((c) => c.namespace === 'VALUE');
  for (const key of keys) {
    if (containsMap(key.type)) {
      fail(
        AnalysisErrorCodes.keyRule,
        `Map keys, including types that contain maps, are not supported as they may lead to unexpected behavior due to inconsistent serialization. Key column name: \`${key.name}\`. Column type: ${formatSqlType(key.type)}. See https://github.com/confluentinc/ksql/issues/6621 for more.`,
        span,
      );
    }
  }
  validateSide(formats.keyFormat, keys, span);
  validateSide(formats.valueFormat, values, span);
}

function validateSide(format: FormatInfo, columns: readonly Column[], span: Span): void {
  if (format.format === 'NONE') {
    if (columns.length > 0) {
      fail(
        AnalysisErrorCodes.invalidFormat,
        `The 'NONE' format can only be used when no columns are defined. Got: [${formatColumnList(columns)}]`,
        span,
      );
    }
    return;
  }
  if (format.format === 'KAFKA' || format.format === 'DELIMITED') {
    for (const column of columns) {
      const bad = firstUnsupported(column.type, format.format);
      if (bad) {
        fail(
          AnalysisErrorCodes.formatUnsupportedType,
          `The '${format.format}' format does not support type '${bad}'`,
          span,
        );
      }
    }
  }
  if (!supportsMultipleColumns(format.format) && columns.length > 1) {
    fail(
      AnalysisErrorCodes.invalidFormat,
      `The '${format.format}' format only supports a single field. Got: [${formatColumnList(columns)}]`,
      span,
    );
  }
  if (format.format === 'AVRO')
    for (const column of columns) validateAvro(column.name, column.type, span);
}

function firstUnsupported(type: SqlType, format: FormatName): string | undefined {
  if (type.kind === 'ARRAY' || type.kind === 'MAP' || type.kind === 'STRUCT') return type.kind;
  if (format === 'KAFKA' && !KAFKA_TYPES.has(type.kind)) return type.kind;
  return undefined;
}

function validateAvro(name: string, type: SqlType, span: Span): void {
  if (/[^A-Za-z0-9_]/.test(name) && /^[A-Za-z_]/.test(name)) {
    fail(
      AnalysisErrorCodes.invalidFormat,
      `Schema is not compatible with Avro: Illegal character in: ${name}`,
      span,
    );
  }
  if (!/^[A-Za-z_]/.test(name)) {
    fail(
      AnalysisErrorCodes.invalidFormat,
      `Schema is not compatible with Avro: Illegal initial character: ${name}`,
      span,
    );
  }
  switch (type.kind) {
    case 'MAP':
      if (type.key.kind !== 'STRING')
        fail(AnalysisErrorCodes.invalidFormat, 'Avro only supports MAPs with STRING keys', span);
      validateAvroType(type.value, span);
      return;
    default:
      validateAvroType(type, span);
  }
}

function validateAvroType(type: SqlType, span: Span): void {
  if (type.kind === 'MAP') validateAvro('map', type, span);
  else if (type.kind === 'ARRAY') validateAvroType(type.element, span);
  else if (type.kind === 'STRUCT') for (const f of type.fields) validateAvro(f.name, f.type, span);
}
