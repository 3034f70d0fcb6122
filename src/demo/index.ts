/** `brook demo`: the medallion pipeline end to end, and the pieces tests drive directly. */
export { demoMain, type DemoCliOptions } from './demo-main';
export { runDemo, type DemoOptions, type DemoPorts, type DemoRun } from './run-demo';
export {
  loadMedallionPipeline,
  pipelineVariables,
  MEDALLION_DIR,
  type MedallionPipeline,
  type PipelineNamespace,
  type ConnectorDefinition,
  type GoldTable,
  type SqlFile,
} from './medallion-pipeline';
export {
  connectClient,
  ConnectClientError,
  type ConnectClient,
  type ConnectorStatus,
} from './connect-client';
export { startBrookServer, type BrookServer, type BrookServerOptions } from './brook-server';
export { goldRowCounts, renderGoldSnapshot, quoteTable } from './gold-view';
export { liveView, type LiveView } from './live-view';
export { waitFor, DemoTimeoutError } from './wait-for';
