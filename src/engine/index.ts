/**
 * Brook's engine: catalog, command log, statement execution and query lifecycle, behind the
 * `EnginePort` the REST server uses. `createEngine` wires the real services; `BrookEngine` with
 * other ports (in-memory, the test driver) serves tests and the conformance runner.
 */
export * from './engine-port';
export { createEngine } from './create-engine';
export { BrookEngine } from './core/brook-engine';
export type { EngineOptions } from './core/engine-options';
export type { StatementCompiler } from './core/statement-compiler';
export { Metastore } from './core/metastore';
export type { PersistentQuery } from './core/persistent-query';
export { type Command, encodeCommand, decodeCommand } from './core/command';
export { processingLogTopic, PROCESSING_LOG_STREAM } from './core/processing-log';
export * from './ports';
export * from './memory';
export { KafkaCommandLog, type KafkaCommandLogOptions } from './adapters/kafka-command-log';
export { KafkaRecords } from './adapters/kafka-records';
export { KafkaTopicAdmin } from './adapters/kafka-topic-admin';
export { HttpEngineSchemaRegistry } from './adapters/http-schema-registry';
export { RunnerQueryRuntime, type RunnerQueryRuntimeOptions } from './adapters/runner-query-runtime';
export { WorkerConnect } from './adapters/worker-connect';
export { identityTopicNames, prefixedTopicNames, type TopicNameMapper } from './adapters/topic-name-mapper';
