import { abortableSleep } from '../plugins/connector-context';
import { ConnectError, stackTrace } from '../errors';
import { text } from '../data/text';
import type {
  ErrorPolicy,
  ErrorPolicyFactory,
  ErrorStage,
  FailedRecord,
} from '../plugins/error-policy';
import type { Props } from '../plugins/source-connector';
import type { KafkaPort, ProducerPort } from '../runtime/kafka-port';

/** Connect's `errors.*` settings of one connector. */
export interface ErrorSettings {
  readonly tolerateAll: boolean;
  readonly retryTimeoutMs: number;
  readonly retryDelayMaxMs: number;
  readonly log: boolean;
  readonly logMessages: boolean;
  readonly dlqTopic: string | null;
  readonly dlqReplicationFactor: number | undefined;
  readonly contextHeaders: boolean;
}

export function errorSettings(props: Props): ErrorSettings {
  const rf = props['errors.deadletterqueue.topic.replication.factor'];
  const dlq = (props['errors.deadletterqueue.topic.name'] ?? '').trim();
  return {
    tolerateAll: (props['errors.tolerance'] ?? 'none') === 'all',
    retryTimeoutMs: Number(props['errors.retry.timeout'] ?? '0'),
    retryDelayMaxMs: Number(props['errors.retry.delay.max.ms'] ?? '60000'),
    log: (props['errors.log.enable'] ?? 'false') === 'true',
    logMessages: (props['errors.log.include.messages'] ?? 'false') === 'true',
    dlqTopic: dlq === '' ? null : dlq,
    dlqReplicationFactor: rf === undefined ? undefined : Number(rf),
    contextHeaders: (props['errors.deadletterqueue.context.headers.enable'] ?? 'false') === 'true',
  };
}

/** The class Connect names in `__connect.errors.class.name` for a stage. */
function stageClass(stage: ErrorStage, props: Props): string {
  switch (stage) {
    case 'KEY_CONVERTER':
      return props['key.converter'] ?? 'key.converter';
    case 'VALUE_CONVERTER':
      return props['value.converter'] ?? 'value.converter';
    case 'TRANSFORMATION':
      return (props['transforms'] ?? '')
        .split(',')
        .map((a) => props[`transforms.${a.trim()}.type`] ?? a)
        .join(',');
    case 'TASK_PUT':
    case 'TASK_POLL':
      return props['connector.class'] ?? '';
  }
}

const H = '__connect.errors.';

export function contextHeaders(
  failed: FailedRecord,
  error: unknown,
  props: Props,
): Record<string, string> {
  const e = error instanceof Error ? error : new Error(String(error));
  const origin = failed.origin;
  return {
    ...(origin === undefined
      ? {}
      : {
          [`${H}topic`]: origin.topic,
          [`${H}partition`]: String(origin.partition),
          [`${H}offset`]: origin.offset.toString(),
        }),
    [`${H}connector.name`]: failed.connector,
    [`${H}task.id`]: String(failed.taskId),
    [`${H}stage`]: failed.stage,
    [`${H}class.name`]: stageClass(failed.stage, props),
    [`${H}exception.class.name`]: e.name,
    [`${H}exception.message`]: e.message,
    [`${H}exception.stacktrace`]: stackTrace(e),
  };
}

function retriable(error: unknown): boolean {
  return error instanceof ConnectError && error.retriable;
}

/**
 * Connect's error handling: retries of retriable failures with exponential backoff up to
 * `errors.retry.timeout` (capped per wait by `errors.retry.delay.max.ms`), then tolerance. A
 * tolerated sink record is written as it was consumed to the dead-letter topic, with the
 * `__connect.errors.*` headers when asked; every skipped record is counted and logged.
 */
export const deadLetterPolicy: ErrorPolicyFactory = (connector, props, { logger, kafka }) => {
  const s = errorSettings(props);
  const closing = new AbortController();
  const signal = closing.signal;
  let skipped = 0;
  let producer: Promise<ProducerPort> | undefined;
  const dlqProducer = (k: KafkaPort, topic: string): Promise<ProducerPort> => {
    producer ??= (async () => {
      await k.ensureTopics([
        {
          topic,
          ...(s.dlqReplicationFactor === undefined
            ? {}
            : { replicationFactor: s.dlqReplicationFactor }),
        },
      ]);
      return k.createProducer(`connector-dlq-producer-${connector}`);
    })();
    return producer;
  };

  const withRetries = async <T>(operation: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    let delay = 300;
    for (;;) {
      try {
        return await operation();
      } catch (error) {
        const elapsed = Date.now() - started;
        const forever = s.retryTimeoutMs < 0;
        if (!retriable(error) || (!forever && elapsed >= s.retryTimeoutMs) || signal.aborted)
          throw error;
        const remaining = forever ? Infinity : s.retryTimeoutMs - elapsed;
        await abortableSleep(Math.min(delay, s.retryDelayMaxMs, remaining), signal);
        delay *= 2;
      }
    }
  };

  const report = async (failed: FailedRecord, error: unknown): Promise<void> => {
    skipped += 1;
    const where =
      failed.origin === undefined
        ? {}
        : {
            topic: failed.origin.topic,
            partition: failed.origin.partition,
            offset: failed.origin.offset.toString(),
          };
    const fields = { connector, task: failed.taskId, stage: failed.stage, skipped, ...where };
    if (s.log) {
      const message = s.logMessages
        ? {
            record:
              failed.record === undefined
                ? failed.origin?.value?.toString('utf8')
                : text(failed.record.value),
          }
        : {};
      logger.error(
        { ...fields, ...message, err: stackTrace(error) },
        'Error encountered in task; record skipped (errors.tolerance=all)',
      );
    } else logger.warn(fields, 'record skipped (errors.tolerance=all)');
    if (s.dlqTopic === null || failed.origin === undefined) return;
    const p = await dlqProducer(kafka, s.dlqTopic);
    await p.send([
      {
        topic: s.dlqTopic,
        key: failed.origin.key,
        value: failed.origin.value,
        ...(s.contextHeaders ? { headers: contextHeaders(failed, error, props) } : {}),
      },
    ]);
  };

  const policy: ErrorPolicy = {
    async execute<T>(failed: FailedRecord, operation: () => Promise<T>): Promise<T | undefined> {
      try {
        return await withRetries(operation);
      } catch (error) {
        if (!s.tolerateAll) throw error;
        await report(failed, error);
        return undefined;
      }
    },
    skipped: () => skipped,
    async close() {
      closing.abort();
      const opened = producer;
      producer = undefined;
      if (opened === undefined) return;
      const p = await opened.catch(() => undefined);
      await p?.close();
    },
  };
  return policy;
};
