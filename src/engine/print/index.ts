export * from './print-formats';
export * from './print-lines';
export * from './print-query';
