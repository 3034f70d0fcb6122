import { kafkajsPort, type KafkaPort } from '../../../connectors';
import { services } from '../../support/services';
import { uniqueName } from './connect-harness';

jest.setTimeout(60_000);

let port: KafkaPort;

beforeAll(async () => {
  port = await kafkajsPort({ brokers: [...services.kafkaBrokers], clientId: 'port-produce-test' });
});

afterAll(async () => {
  await port?.close();
});

test('a send of several megabytes is split into requests the broker accepts, offsets in order', async () => {
  const topic = uniqueName('port-large-send');
  await port.ensureTopics([{ topic, partitions: 1 }]);
  const producer = await port.createProducer('port-large-send');
  try {
    const records = Array.from({ length: 4000 }, (_, i) => ({
      topic,
      key: Buffer.from(String(i)),
      value: Buffer.alloc(1024, i % 256),
      partition: 0,
    }));
    const metadata = await producer.send(records);
    expect(metadata.map((m) => m.offset)).toEqual(records.map((_, i) => BigInt(i)));
    const read = await port.readToEnd([topic], uniqueName('port-large-send-reader'));
    expect(read.map((r) => r.key?.toString())).toEqual(records.map((_, i) => String(i)));
  } finally {
    await producer.close();
  }
});
