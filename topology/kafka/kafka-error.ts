/**
 * The Kafka adapters' error taxonomy. Callers act on `retriable` (retry the operation, or treat
 * the failure as transient) and `code`; kafkajs errors never leave `topology/kafka` unwrapped.
 */
export type KafkaErrorCode =
  | 'CONNECTION'
  | 'TIMEOUT'
  | 'REBALANCE'
  | 'UNKNOWN_TOPIC'
  | 'TOPIC_EXISTS'
  | 'FENCED'
  | 'AUTHORIZATION'
  | 'RECORD_TOO_LARGE'
  | 'TRANSACTION_STATE'
  | 'PROTOCOL'
  | 'CLOSED'
  | 'INTERNAL';

export interface KafkaErrorFields {
  readonly topic?: string;
  readonly partition?: number;
  readonly groupId?: string;
  /** The broker's error name (`NOT_LEADER_FOR_PARTITION`) when the broker answered with one. */
  readonly brokerError?: string;
}

export class KafkaPortError extends Error {
  constructor(
    readonly code: KafkaErrorCode,
    message: string,
    readonly retriable: boolean,
    readonly fields: KafkaErrorFields = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KafkaPortError';
  }
}

const REBALANCE_TYPES = new Set([
  'REBALANCE_IN_PROGRESS',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
]);
const FENCED_TYPES = new Set([
  'INVALID_PRODUCER_EPOCH',
  'PRODUCER_FENCED',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
]);
const AUTH_TYPES = new Set([
  'TOPIC_AUTHORIZATION_FAILED',
  'GROUP_AUTHORIZATION_FAILED',
  'CLUSTER_AUTHORIZATION_FAILED',
]);

interface KafkajsLikeError {
  readonly name?: string;
  readonly message?: string;
  readonly retriable?: boolean;
  readonly type?: string;
  readonly topic?: string;
  readonly partition?: number;
  readonly originalError?: unknown;
}

/** Maps any error thrown by kafkajs (or by our adapters) to a `KafkaPortError`. */
export function toKafkaError(error: unknown, fields: KafkaErrorFields = {}): KafkaPortError {
  if (error instanceof KafkaPortError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as KafkajsLikeError;
  const message = e.message ?? String(error);
  const topicFields: KafkaErrorFields = {
    ...fields,
    ...(e.topic !== undefined ? { topic: e.topic } : {}),
    ...(e.partition !== undefined ? { partition: e.partition } : {}),
  };
  // Retries were exhausted: the cause decides the code, but the operation is no longer retriable here.
  if (e.name === 'KafkaJSNumberOfRetriesExceeded' && e.originalError !== undefined) {
    const inner = toKafkaError(e.originalError, fields);
    return new KafkaPortError(inner.code, message, inner.retriable, inner.fields, { cause: error });
  }
  const make = (code: KafkaErrorCode, retriable: boolean, brokerError?: string): KafkaPortError =>
    new KafkaPortError(
      code,
      message,
      retriable,
      brokerError ? { ...topicFields, brokerError } : topicFields,
      {
        cause: error,
      },
    );
  if (e.type !== undefined) {
    if (REBALANCE_TYPES.has(e.type)) return make('REBALANCE', true, e.type);
    if (FENCED_TYPES.has(e.type)) return make('FENCED', false, e.type);
    if (AUTH_TYPES.has(e.type)) return make('AUTHORIZATION', false, e.type);
    if (e.type === 'UNKNOWN_TOPIC_OR_PARTITION') return make('UNKNOWN_TOPIC', true, e.type);
    if (e.type === 'TOPIC_ALREADY_EXISTS') return make('TOPIC_EXISTS', false, e.type);
    if (e.type === 'MESSAGE_TOO_LARGE' || e.type === 'RECORD_LIST_TOO_LARGE') {
      return make('RECORD_TOO_LARGE', false, e.type);
    }
    if (e.type === 'INVALID_TXN_STATE') return make('TRANSACTION_STATE', false, e.type);
    return make('PROTOCOL', e.retriable ?? false, e.type);
  }
  switch (e.name) {
    case 'KafkaJSConnectionError':
    case 'KafkaJSBrokerNotFound':
    case 'KafkaJSNoBrokerAvailableError':
    case 'KafkaJSConnectionClosedError':
    case 'KafkaJSGroupCoordinatorNotFound':
      return make('CONNECTION', true);
    case 'KafkaJSRequestTimeoutError':
    case 'KafkaJSTimeout':
    case 'KafkaJSLockTimeout':
      return make('TIMEOUT', true);
    case 'KafkaJSNonRetriableError':
      return make('INTERNAL', false);
    default:
      return make('INTERNAL', e.retriable ?? false);
  }
}
