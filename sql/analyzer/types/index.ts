export * from './common-type';
export * from './comparison';
export * from './numeric';
export * from './cast';
