export * from './in-memory-command-log';
export * from './in-memory-connect';
export * from './in-memory-schema-registry';
export * from './in-memory-topics';
export * from './recording-query-runtime';
