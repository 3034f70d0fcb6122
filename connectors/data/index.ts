export * from './connect-schema';
export * from './connect-record';
export * from './text';
