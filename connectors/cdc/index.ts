export { postgresCdcPlugin, PostgresCdcConnector } from './postgres-cdc-connector';
export { PostgresCdcTask, type PostgresCdcDeps } from './postgres-cdc-task';
export {
  POSTGRES_CDC_CLASS,
  POSTGRES_CDC_VERSION,
  postgresCdcConfigDef,
} from './postgres-cdc-config';
export type {
  ReplicationConnection,
  ReplicationConnector,
  ReplicationParams,
} from './replication-port';
export { decodePgOutput, type PgOutputMessage } from './pgoutput-decoder';
export { columnMapping, type TypeOptions } from './pg-type-mapping';
export { formatLsn, parseLsn, type Lsn } from './lsn';
export { dropSlot } from './cdc-catalog';
