export * from './build-topology-spec';
