import type { OutgoingRecord } from '../kafka';
import { isErrorKind, type ProcessingLogEntry, type ProcessingLogger } from '../processors';
import type { PortLogger } from '../kafka';

/** ksqlDB's processing log topic for a service: `<serviceId>ksql_processing_log`. */
export function processingLogTopic(serviceId: string): string {
  return `${serviceId}ksql_processing_log`;
}

export interface KafkaProcessingLogOptions {
  readonly topic: string;
  /** The query's dead-letter topic: the failed input record itself, with error headers. */
  readonly dlqTopic: string | null;
  readonly send: (record: OutgoingRecord) => void;
  /** The input record being processed (the DLQ copies its bytes), looked up by coordinates. */
  readonly inputRecord: (
    topic: string,
    partition: number,
    offset: number,
  ) => { key: Buffer | null; value: Buffer | null } | null;
  readonly logger: PortLogger;
  readonly onEntry: (entry: ProcessingLogEntry, isError: boolean) => void;
}

/**
 * Writes processing-log entries as JSON records keyed by query id (fields: level, logger, time,
 * message: { type, reason, queryId, stepId, errorCode, topic, partition, offset,
 * recordTimestamp }) and, for error kinds, copies the input record to the DLQ topic with
 * `__brook.errors.*` headers. Nothing is dropped silently: every entry is also logged.
 */
export function kafkaProcessingLog(options: KafkaProcessingLogOptions): ProcessingLogger {
  return {
    log(entry) {
      const error = isErrorKind(entry.kind);
      options.onEntry(entry, error);
      const fields = {
        queryId: entry.queryId,
        stepId: entry.stepId,
        kind: entry.kind,
        topic: entry.topic,
        partition: entry.partition,
        offset: entry.offset,
      };
      if (error) options.logger.warn(fields, `record skipped: ${entry.message}`);
      else options.logger.debug(fields, `record dropped: ${entry.message}`);
      const body = {
        level: error ? 'ERROR' : 'WARN',
        logger: `processing.${entry.queryId}${entry.stepId ? `.${entry.stepId}` : ''}`,
        time: entry.timestamp,
        message: {
          type: entry.kind,
          reason: entry.message,
          queryId: entry.queryId,
          stepId: entry.stepId,
          errorCode: entry.errorCode,
          topic: entry.topic,
          partition: entry.partition,
          offset: entry.offset,
          recordTimestamp: entry.timestamp,
        },
      };
      options.send({
        topic: options.topic,
        key: Buffer.from(entry.queryId),
        value: Buffer.from(JSON.stringify(body)),
      });
      if (!error || options.dlqTopic === null) return;
      const input = options.inputRecord(entry.topic, entry.partition, entry.offset);
      options.send({
        topic: options.dlqTopic,
        key: input?.key ?? null,
        value: input?.value ?? null,
        timestamp: entry.timestamp,
        headers: {
          '__brook.errors.reason': Buffer.from(entry.message),
          '__brook.errors.kind': Buffer.from(entry.kind),
          '__brook.errors.query.id': Buffer.from(entry.queryId),
          '__brook.errors.topic': Buffer.from(entry.topic),
          '__brook.errors.partition': Buffer.from(String(entry.partition)),
          '__brook.errors.offset': Buffer.from(String(entry.offset)),
        },
      });
    },
  };
}
