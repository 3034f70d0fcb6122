import { kafkajsClient, type KafkaClientPort } from '../../topology';
import type { CaseResult } from './case-result';
import type { QttCase } from './qtt-case';
import { runBrokerCase } from './run-broker-case';
import type { RunScope } from './run-cases';

export interface BrokerMode {
  readonly runner: (c: QttCase, scope: RunScope, n: number) => Promise<CaseResult>;
  close(): Promise<void>;
}

/**
 * Broker mode's shared clients. `runId` keeps this run's topics, groups and subjects apart from
 * earlier runs on the same broker (topics are not deleted between runs: deletion is slow and
 * asynchronous on Kafka); every case gets `qtt-<runId>-<n>-` as its prefix.
 */
export function brokerMode(options: {
  readonly brokers: readonly string[];
  readonly registryUrl: string;
  readonly runId: string;
}): BrokerMode {
  const kafka: KafkaClientPort = kafkajsClient({
    brokers: options.brokers,
    clientId: `brook-qtt-${options.runId}`,
  });
  return {
    runner: (c, scope, n) =>
      runBrokerCase(c, scope.engineProperties, scope.exactNumbers, {
        kafka,
        registryUrl: options.registryUrl,
        prefix: `qtt-${options.runId}-${n}-`,
      }),
    close: () => kafka.close(),
  };
}
