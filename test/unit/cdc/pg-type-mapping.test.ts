import Decimal from 'decimal.js';
import { columnMapping, type TypeOptions } from '../../../connectors';

const adaptive: TypeOptions = {
  decimal: 'precise',
  time: 'adaptive',
  binary: 'bytes',
  interval: 'numeric',
};
const typmodNumeric = (p: number, s: number) => ((p << 16) | s) + 4;

test('numeric follows decimal.handling.mode', () => {
  const precise = columnMapping(1700, typmodNumeric(10, 2), adaptive);
  expect(precise.schema).toMatchObject({
    type: 'BYTES',
    name: 'org.apache.kafka.connect.data.Decimal',
    parameters: { scale: '2', 'connect.decimal.precision': '10' },
  });
  expect((precise.convert('12.30') as Decimal).toFixed(2)).toBe('12.30');
  expect(
    columnMapping(1700, typmodNumeric(10, 2), { ...adaptive, decimal: 'double' }).convert('12.30'),
  ).toBe(12.3);
  expect(
    columnMapping(1700, typmodNumeric(10, 2), { ...adaptive, decimal: 'string' }).convert('12.30'),
  ).toBe('12.30');
  const variable = columnMapping(1700, -1, adaptive);
  expect(variable.schema.name).toBe('io.debezium.data.VariableScaleDecimal');
  expect(variable.convert('-1.5')).toEqual({ scale: 1, value: Buffer.from([0xf1]) });
});

test('timestamps are micro or milli per time.precision.mode and column precision', () => {
  expect(columnMapping(1114, -1, adaptive).schema.name).toBe('io.debezium.time.MicroTimestamp');
  expect(columnMapping(1114, -1, adaptive).convert('1970-01-02 00:00:00.000001')).toBe(
    86_400_000_001n,
  );
  expect(columnMapping(1114, 3, adaptive).schema.name).toBe('io.debezium.time.Timestamp');
  expect(
    columnMapping(1114, -1, { ...adaptive, time: 'nanoseconds' }).convert('1970-01-01 00:00:01'),
  ).toBe(1_000_000_000n);
  expect(
    columnMapping(1114, -1, { ...adaptive, time: 'connect' }).convert('1970-01-01 00:00:01.5'),
  ).toBe(1500);
  expect(columnMapping(1184, -1, adaptive).convert('2024-01-02 03:04:05.5+02')).toBe(
    '2024-01-02T01:04:05.5Z',
  );
  expect(columnMapping(1082, -1, adaptive).convert('1970-01-11')).toBe(10);
  expect(columnMapping(1083, -1, adaptive).convert('00:00:01.25')).toBe(1_250_000n);
  expect(columnMapping(1186, -1, adaptive).convert('1 day 00:00:01')).toBe(86_401_000_000n);
});

test('other types map as Debezium maps them', () => {
  expect(columnMapping(20, -1, adaptive).convert('9007199254740993')).toBe(9007199254740993n);
  expect(columnMapping(16, -1, adaptive).convert('t')).toBe(true);
  expect(columnMapping(17, -1, adaptive).convert('\\x0aff')).toEqual(Buffer.from([10, 255]));
  expect(columnMapping(17, -1, { ...adaptive, binary: 'hex' }).convert('\\x0aff')).toBe('0aff');
  expect(columnMapping(2950, -1, adaptive).schema.name).toBe('io.debezium.data.Uuid');
  expect(columnMapping(3802, -1, adaptive).schema.name).toBe('io.debezium.data.Json');
  expect(columnMapping(1007, -1, adaptive).convert('{1,NULL,3}')).toEqual([1, null, 3]);
  expect(columnMapping(1009, -1, adaptive).convert('{a,"b,c","d\\"e"}')).toEqual([
    'a',
    'b,c',
    'd"e',
  ]);
});
