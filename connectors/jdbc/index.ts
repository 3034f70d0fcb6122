export * from './sql-client';
export { jdbcSourcePlugin } from './source/jdbc-source-connector';
export { JDBC_SOURCE_CLASS } from './source/jdbc-source-config';
export {
  quoteIdent,
  quoteTable,
  parseTableId,
  tableIdText,
  type TableId,
} from './dialect/identifiers';
export { jdbcSinkPlugin } from './sink/jdbc-sink-connector';
export { JDBC_SINK_CLASS } from './sink/jdbc-sink-config';
export {
  writeBatch,
  type WriteStrategy,
  type InsertMode,
  type TableBatch,
} from './sink/batch-writer';
export { fieldsMetadata, type FieldsMetadata, type PkMode } from './sink/fields-metadata';
export { createTableSql } from './sink/table-manager';
export { toParam, sqlType } from './dialect/pg-sink-types';
