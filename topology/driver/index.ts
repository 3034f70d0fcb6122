export * from './topology-test-driver';
export * from './driver-error';
