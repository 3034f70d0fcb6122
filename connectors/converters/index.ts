export * from './avro-converter';
export * from './avro-schema-mapping';
export * from './avro-to-connect';
export * from './json-converter';
export * from './primitive-converters';
export * from './schema-registry-client';
export * from './decimal-bytes';
