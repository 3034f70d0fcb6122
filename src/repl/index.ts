export {
  ksqlClient,
  KsqlClientError,
  type KsqlClient,
  type KsqlClientOptions,
  type RequestScope,
} from './ksql-client';
export {
  runInteractiveRepl,
  PROMPT,
  CONTINUATION_PROMPT,
  type InteractiveReplOptions,
} from './interactive-repl';
export { runBatch, type BatchOptions } from './batch-runner';
export { replSession, type ReplSession, type StatementOutcome } from './repl-session';
export { splitStatements, stripComments } from './statement-splitter';
export { renderEntity, type OutputFormat } from './entity-renderer';
export { rowGrid, cellText } from './row-grid';
export { parseClientCommand, type ClientCommand } from './client-commands';
export { completion, type Completion } from './completion';
export { replMain, runScriptMain, DEFAULT_SERVER_URL, type ReplMainOptions } from './repl-main';
