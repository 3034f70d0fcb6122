export { startKsqlServer, type KsqlServerHandle, type KsqlServerOptions } from './ksql-server';
export type { BasicAuthOptions } from './basic-auth';
export type { ServerLogger } from './route-context';
export {
  toErrorResponse,
  genericError,
  KsqlRestError,
  type KsqlErrorEntity,
  type ErrorResponse,
} from './rest-error';
export { encodeJson } from './json-encoding';
export { DELIMITED_CONTENT_TYPE } from './routes/query-stream-route';
export {
  serverConfigSchema,
  resolveServerConfig,
  engineConfigOf,
  ServerConfigError,
  type ServerConfig,
  type ConfigEntry,
} from './server-config';
export { runServer, loadEngineFactory, EngineUnavailableError } from './run-server';
