import pino from 'pino';
import {
  ConversionError,
  deadLetterPolicy,
  RetriableError,
  type KafkaPort,
  type ProducedRecord,
} from '../../../connectors';

/** A KafkaPort that records what the policy produces. */
function recordingKafka(sent: ProducedRecord[], closed: string[] = []): KafkaPort {
  return {
    ensureTopics: () => Promise.resolve(),
    createProducer: () =>
      Promise.resolve({
        send: (records: readonly ProducedRecord[]) => {
          sent.push(...records);
          return Promise.resolve(
            records.map((r, i) => ({ topic: r.topic, partition: 0, offset: BigInt(i) })),
          );
        },
        close: () => Promise.resolve(void closed.push('producer')),
      }),
  } as unknown as KafkaPort;
}

const origin = {
  topic: 'orders',
  partition: 2,
  offset: 7n,
  key: Buffer.from('k'),
  value: Buffer.from('{bad'),
};
const failed = { stage: 'VALUE_CONVERTER' as const, connector: 'c1', taskId: 0, origin };

test('a tolerated record is written to the DLQ with its bytes and the __connect.errors headers', async () => {
  const sent: ProducedRecord[] = [];
  const policy = deadLetterPolicy(
    'c1',
    {
      'errors.tolerance': 'all',
      'errors.deadletterqueue.topic.name': 'dlq',
      'errors.deadletterqueue.context.headers.enable': 'true',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    },
    { logger: pino({ level: 'silent' }), kafka: recordingKafka(sent) },
  );
  const result = await policy.execute(failed, () =>
    Promise.reject(new ConversionError('not valid JSON')),
  );
  expect(result).toBeUndefined();
  expect(policy.skipped()).toBe(1);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ topic: 'dlq', key: origin.key, value: origin.value });
  expect(sent[0]!.headers).toMatchObject({
    '__connect.errors.topic': 'orders',
    '__connect.errors.partition': '2',
    '__connect.errors.offset': '7',
    '__connect.errors.connector.name': 'c1',
    '__connect.errors.task.id': '0',
    '__connect.errors.stage': 'VALUE_CONVERTER',
    '__connect.errors.class.name': 'org.apache.kafka.connect.json.JsonConverter',
    '__connect.errors.exception.class.name': 'ConversionError',
    '__connect.errors.exception.message': 'not valid JSON',
  });
});

test('errors.tolerance=none fails on the first error; retriable errors are retried within errors.retry.timeout', async () => {
  const deps = { logger: pino({ level: 'silent' }), kafka: recordingKafka([]) };
  const strict = deadLetterPolicy('c1', {}, deps);
  await expect(
    strict.execute(failed, () => Promise.reject(new ConversionError('x'))),
  ).rejects.toThrow('x');
  const retrying = deadLetterPolicy(
    'c1',
    { 'errors.retry.timeout': '5000', 'errors.retry.delay.max.ms': '10' },
    deps,
  );
  let attempts = 0;
  const value = await retrying.execute(failed, () =>
    ++attempts < 3 ? Promise.reject(new RetriableError('busy')) : Promise.resolve('ok'),
  );
  expect(value).toBe('ok');
  expect(attempts).toBe(3);
});

test('close() closes the dead-letter producer once, and does nothing when none was opened', async () => {
  const props = {
    'errors.tolerance': 'all',
    'errors.deadletterqueue.topic.name': 'dlq',
  };
  const closed: string[] = [];
  const deps = { logger: pino({ level: 'silent' }), kafka: recordingKafka([], closed) };
  const unused = deadLetterPolicy('c1', props, deps);
  await unused.close?.();
  expect(closed).toEqual([]);
  const used = deadLetterPolicy('c1', props, deps);
  await used.execute(failed, () => Promise.reject(new ConversionError('bad')));
  await used.close?.();
  await used.close?.();
  expect(closed).toEqual(['producer']);
});

test('close() ends retries that would otherwise wait forever', async () => {
  const policy = deadLetterPolicy(
    'c1',
    { 'errors.tolerance': 'none', 'errors.retry.timeout': '-1' },
    { logger: pino({ level: 'silent' }), kafka: recordingKafka([]) },
  );
  let attempts = 0;
  const outcome = policy.execute(failed, () => {
    attempts += 1;
    if (attempts === 2) void policy.close?.();
    return Promise.reject(new RetriableError('broker away'));
  });
  await expect(outcome).rejects.toThrow('broker away');
  expect(attempts).toBe(2);
});
