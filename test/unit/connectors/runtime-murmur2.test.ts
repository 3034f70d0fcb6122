import { randomBytes } from 'node:crypto';
import { murmur2 } from '../../../connectors/kafka/murmur2';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (
  key: Buffer,
) => number;

describe('murmur2', () => {
  it('hashes keys of every length exactly as the Java client (through kafkajs) does', () => {
    for (let length = 0; length < 64; length++)
      for (let i = 0; i < 20; i++) {
        const key = randomBytes(length);
        expect(murmur2(key)).toBe(kafkajsMurmur2(key));
      }
    // Known value from Kafka's own tests (Utils.murmur2 of "21" is -973932308).
    expect(murmur2(Buffer.from('21'))).toBe(-973932308);
  });
});
