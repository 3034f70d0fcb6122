export {
  RedisFencedError,
  type RedisPort,
  type RedisWrite,
  type RedisCheck,
  type RedisTransactionOutcome,
} from './redis-port';
export { ioredisPort, connectRedis } from './ioredis-port';
export { storeKeys, applicationKeyPattern, type StoreKeys } from './redis-key-layout';
export {
  RedisBackend,
  StateLostError,
  StoreFencedError,
  type RedisBackendOptions,
} from './redis-backend';
export { RedisBackendFactory, type RedisBackendFactoryOptions } from './redis-backend-factory';
