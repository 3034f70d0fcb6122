export * from './config-def';
export * from './parsed-config';
export * from './common-config';
export * from './validate-response';
export * from './config-docs';
