import { column, formatInfo, type SourceDefinition } from '../../../sql';
import { SqlTypes, type SqlType } from '../../../topology/spec';
import type { TopicAdminPort } from '../ports';
import type { Metastore } from './metastore';

export const PROCESSING_LOG_STREAM = 'KSQL_PROCESSING_LOG';

/** `<serviceId>ksql_processing_log`, as ksqlDB names it (`default_ksql_processing_log`). */
export function processingLogTopic(serviceId: string): string {
  return `${serviceId}ksql_processing_log`;
}

/**
 * The processing log's record layout, as the runner writes it (`topology/runner`'s
 * `kafkaProcessingLog`): JSON `{level, logger, time, message: {type, reason, queryId, stepId,
 * errorCode, topic, partition, offset, recordTimestamp}}`. ksqlDB's own layout (a TYPE number and
 * one struct per error kind) differs; declaring what is actually written keeps every entry
 * readable, so a query over the log never fails to decode it (which would log again).
 */
const MESSAGE: SqlType = SqlTypes.struct(
  (
    [
      ['TYPE', SqlTypes.string],
      ['REASON', SqlTypes.string],
      ['QUERYID', SqlTypes.string],
      ['STEPID', SqlTypes.string],
      ['ERRORCODE', SqlTypes.string],
      ['TOPIC', SqlTypes.string],
      ['PARTITION', SqlTypes.integer],
      ['OFFSET', SqlTypes.bigint],
      ['RECORDTIMESTAMP', SqlTypes.bigint],
    ] as const
  ).map(([name, type]) => ({ name, type })),
);

/**
 * Creates the processing-log topic and registers the `KSQL_PROCESSING_LOG` stream over it.
 * It is part of every engine's catalog from the start, not a logged command, as in ksqlDB.
 */
export async function registerProcessingLog(serviceId: string, metastore: Metastore, topics: TopicAdminPort): Promise<void> {
  const topic = processingLogTopic(serviceId);
  await topics.createTopic({ name: topic, partitions: 1 });
  const source: SourceDefinition = {
    kind: 'STREAM',
    name: PROCESSING_LOG_STREAM,
    topic,
    keyFormat: formatInfo('KAFKA'),
    valueFormat: formatInfo('JSON'),
    columns: [
      column('LOGGER', SqlTypes.string),
      column('LEVEL', SqlTypes.string),
      column('TIME', SqlTypes.bigint),
      column('MESSAGE', MESSAGE),
    ],
    readOnly: false,
    partitions: 1,
    replicas: 1,
    sql: `CREATE STREAM ${PROCESSING_LOG_STREAM} WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON');`,
  };
  metastore.putSource(source);
}
