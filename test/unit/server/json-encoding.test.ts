import Decimal from 'decimal.js';
import { encodeJson } from '../../../src/server/json-encoding';

describe('encodeJson', () => {
  it('writes BIGINT and DECIMAL as JSON numbers at full precision', () => {
    expect(encodeJson([9007199254740993n, new Decimal('12345678901234567890.10')])).toBe(
      '[9007199254740993,12345678901234567890.1]',
    );
  });

  it('writes MAP as an object, BYTES as base64, STRUCT fields in order, and null', () => {
    const value = { M: new Map([['a', 1n]]), B: Buffer.from('hi'), S: { X: null, Y: 'y' } };
    expect(encodeJson(value)).toBe('{"M":{"a":1},"B":"aGk=","S":{"X":null,"Y":"y"}}');
  });
});
