import { SqlTypes, type SqlType } from '../../topology/spec';
import type { ColumnDefinition, CreateSource } from '../ast';
import {
  isFormatName,
  type Catalog,
  type Column,
  type FormatName,
  type SchemaInference,
  type SourceDefinition,
} from '../catalog';
import { AnalysisErrorCodes, fail } from './analysis-error';
import { ConfigKeys, configValue, type AnalyzerConfig } from './analyzer-config';
import { resolveFormats, validateFormatColumns } from './format-rules';
import { resolveType } from './resolve-type';
import { inferColumns } from './column-inference';
import { timestampColumn, wrapSingleValue, windowInfo } from './source-properties';

export { columnNameProperty, timestampColumn } from './source-properties';
import { WithProperties } from './with-properties';

const RESERVED = new Set(['ROWTIME', 'ROWPARTITION', 'ROWOFFSET', 'WINDOWSTART', 'WINDOWEND']);

export type CreateSourceOutcome =
  | { readonly kind: 'create'; readonly source: SourceDefinition; readonly replace: boolean }
  | { readonly kind: 'exists'; readonly source: SourceDefinition };

/** CREATE [OR REPLACE] [SOURCE] STREAM|TABLE: the catalog entry it defines. */
export function analyzeCreateSource(
  stmt: CreateSource,
  catalog: Catalog,
  config: AnalyzerConfig,
  inference: SchemaInference,
  sql?: string,
): CreateSourceOutcome {
  const existing = catalog.getSource(stmt.name.name);
  if (existing && stmt.ifNotExists && !stmt.orReplace) return { kind: 'exists', source: existing };
  checkReplace(stmt, existing);
  const props = new WithProperties(stmt.properties, 'CREATE_SOURCE', stmt.span);
  const topic = props.string('KAFKA_TOPIC');
  if (topic === undefined) {
    fail(
      AnalysisErrorCodes.missingProperty,
      'Missing required property "KAFKA_TOPIC" which has no default value.',
      stmt.span,
    );
  }
  const formats = resolveFormats(props, defaultFormats(config));
  const columns = inferColumns(stmt, declaredColumns(stmt, catalog), formats, topic, inference);
  if (stmt.sourceType === 'TABLE' && !columns.some((c) => c.namespace === 'KEY')) {
    fail(
      AnalysisErrorCodes.keyRule,
      'Tables require a PRIMARY KEY. Please define the PRIMARY KEY.',
      stmt.span,
    );
  }
  const wrap = wrapSingleValue(props, formats, columns);
  validateFormatColumns(formats, columns, stmt.span);
  const timestamp = timestampColumn(props, columns);
  const windowing = windowInfo(props);
  const partitions = props.integer('PARTITIONS');
  const replicas = props.integer('REPLICAS');
  const source: SourceDefinition = {
    kind: stmt.sourceType,
    name: stmt.name.name,
    topic,
    keyFormat: formats.keyFormat,
    valueFormat:
      wrap === undefined ? formats.valueFormat : { ...formats.valueFormat, wrapSingleValue: wrap },
    columns,
    ...(windowing ? { windowing } : {}),
    ...(timestamp ? { timestamp } : {}),
    readOnly: stmt.isSource,
    ...(partitions !== undefined ? { partitions } : {}),
    ...(replicas !== undefined ? { replicas } : {}),
    ...(sql !== undefined ? { sql } : {}),
  };
  return { kind: 'create', replace: existing !== undefined, source };
}

/** OR REPLACE is refused on SOURCE streams/tables; a name in use needs OR REPLACE of the same kind. */
function checkReplace(stmt: CreateSource, existing: SourceDefinition | undefined): void {
  const name = stmt.name.name;
  const what = stmt.sourceType.toLowerCase();
  if (stmt.orReplace && (stmt.isSource || existing?.readOnly)) {
    fail(
      AnalysisErrorCodes.readOnlySource,
      `Cannot add ${what} '${name}': CREATE OR REPLACE is not supported on source ${what}s.`,
      stmt.span,
    );
  }
  if (existing && (!stmt.orReplace || existing.kind !== stmt.sourceType)) {
    const code = stmt.orReplace
      ? AnalysisErrorCodes.wrongSourceType
      : AnalysisErrorCodes.sourceExists;
    fail(
      code,
      `Cannot add ${what} '${name}': A ${existing.kind.toLowerCase()} with the same name already exists`,
      stmt.name.span,
    );
  }
}

export function defaultFormats(config: AnalyzerConfig): { key?: FormatName; value?: FormatName } {
  const key = configValue(config, ConfigKeys.defaultKeyFormat)?.toUpperCase();
  const value = configValue(config, ConfigKeys.defaultValueFormat)?.toUpperCase();
  return {
    ...(key && isFormatName(key) ? { key } : {}),
    ...(value && isFormatName(value) ? { value } : {}),
  };
}

function declaredColumns(stmt: CreateSource, catalog: Catalog): Column[] {
  const seen = new Set<string>();
  const columns = stmt.columns.map((def) => {
    const name = def.name.name;
    if (RESERVED.has(name.toUpperCase()) && def.name.quote === 'none') {
      fail(
        AnalysisErrorCodes.reservedColumn,
        `'${name}' is a reserved column name. You cannot use it as a name for a column.`,
        def.name.span,
      );
    }
    if (seen.has(name))
      fail(AnalysisErrorCodes.duplicateColumn, `Duplicate column names: ${name}`, def.name.span);
    seen.add(name);
    return columnOf(def, stmt.sourceType, catalog);
  });
  return [
    ...columns.filter((c) => c.namespace === 'KEY'),
    ...columns.filter((c) => c.namespace !== 'KEY'),
  ];
}

const HEADERS_TYPE: SqlType = {
  kind: 'ARRAY',
  element: {
    kind: 'STRUCT',
    fields: [
      { name: 'KEY', type: SqlTypes.string },
      { name: 'VALUE', type: SqlTypes.bytes },
    ],
  },
};

function columnOf(def: ColumnDefinition, kind: 'STREAM' | 'TABLE', catalog: Catalog): Column {
  const type = resolveType(def.type, catalog);
  const name = def.name.name;
  switch (def.constraint) {
    case 'KEY':
    case 'PRIMARY KEY': {
      // Tables take PRIMARY KEY columns, streams KEY columns; the other spelling is a user error.
      const wanted = kind === 'TABLE' ? 'PRIMARY KEY' : 'KEY';
      if (def.constraint !== wanted) {
        fail(
          AnalysisErrorCodes.keyRule,
          `Column \`${name}\` is a '${def.constraint}' column: please use '${wanted}' for ${kind === 'TABLE' ? 'tables' : 'streams'}.\nTables have PRIMARY KEYs, which are unique and NON NULL.\nStreams have KEYs, which have no uniqueness or NON NULL constraints.`,
          def.span,
        );
      }
      return { name, type, namespace: 'KEY' };
    }
    case 'HEADERS':
      if (JSON.stringify(type) !== JSON.stringify(HEADERS_TYPE)) {
        fail(
          AnalysisErrorCodes.typeMismatch,
          `Invalid type for HEADERS column: expected ARRAY<STRUCT<\`KEY\` STRING, \`VALUE\` BYTES>>`,
          def.span,
        );
      }
      return { name, type, namespace: 'HEADERS' };
    case 'HEADER':
      if (type.kind !== 'BYTES')
        fail(
          AnalysisErrorCodes.typeMismatch,
          'Invalid type for HEADER column: expected BYTES',
          def.span,
        );
      return {
        name,
        type,
        namespace: 'HEADERS',
        ...(def.headerKey !== undefined ? { headerKey: def.headerKey } : {}),
      };
    default:
      return { name, type, namespace: 'VALUE' };
  }
}
