export * from './serde-contract';
export { BrookSerdeFactory, createSerdeFactory, type SerdeFactoryOptions } from './serde-factory';
export {
  InMemorySchemaRegistry,
  HttpSchemaRegistry,
  SchemaRegistryError,
  type SchemaRegistryPort,
} from './avro/schema-registry-port';
export {
  avroSchemaFor,
  inferColumnsFromAvroSchema,
  KSQL_NAMESPACE,
  KSQL_RECORD_NAME,
  type InferredColumn,
  type InferOptions,
} from './avro/avro-schema';
export { readJsonValue } from './json-value-reader';
export { writeCsvRecord, readCsvRecord } from './csv';
export { toJsonText as renderJsonValue, javaDoubleToString } from '../functions';
export { renderRowAsJson, renderValueAsJson, type RenderOptions } from './render-row';
