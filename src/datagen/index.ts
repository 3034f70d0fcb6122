export {
  runDatagen,
  DatagenError,
  type DatagenOptions,
  type DatagenPorts,
  type DatagenSource,
  type DatagenTotals,
} from './run-datagen';
export type { RecordPort, SqlPort } from './datagen-ports';
export type { TopicRecord } from './topic-record';
export { oltpSchemaSql, qualifier } from './oltp-generator';
export { PAYMENT_TOPICS } from './payments-generator';
export { ECOMMERCE_TOPIC } from './ecommerce-generator';
export { pgSqlPort } from './pg-sql-port';
export { kafkaRecordPort, type KafkaRecordPortOptions } from './kafka-record-port';
export { datagenMain, parseSources, type DatagenCliOptions } from './datagen-main';
