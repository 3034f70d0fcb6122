export { kafkajsPort, type KafkajsPortOptions } from './kafkajs-port';
export {
  produceChunks,
  estimatedBytes,
  PRODUCE_REQUEST_BUDGET_BYTES,
  type SizedMessage,
} from './produce-chunks';
