import { SqlTypes } from '../../../topology/spec';
import Decimal from 'decimal.js';
import { compareRecord, type ActualRecord, type SinkShape } from '../../../src/qtt/compare-records';
import type { QttRecord } from '../../../src/qtt/qtt-case';

const exact = (text: string) => ({ kind: 'exact-number' as const, text });
const actual = (key: unknown[] | null, value: unknown[] | null): ActualRecord => ({
  key,
  value,
  valueText: null,
  timestamp: 0,
  headers: [],
});

describe('QTT comparison details', () => {
  const structKey: SinkShape = {
    keyColumns: [{ name: 'K', type: SqlTypes.struct([{ name: 'F1', type: SqlTypes.string }]) }],
    valueColumns: [{ name: 'V', type: SqlTypes.integer }],
    valueFormat: 'JSON',
    wrapSingleValue: true,
  };

  it('reads an object key for a single STRUCT key column as the column value', () => {
    const e: QttRecord = { topic: 'T', key: { F1: 'foo' }, value: { V: exact('1') } };
    expect(
      compareRecord(e, actual([{ F1: 'foo' }], [1]), structKey, { anyTimestampForZero: false }),
    ).toBeNull();
    expect(
      compareRecord(e, actual([{ F1: 'bar' }], [1]), structKey, { anyTimestampForZero: false }),
    ).toMatchObject({ class: 'wrong rows' });
  });

  it('compares decimals by value only when exact numeric comparison is off', () => {
    const shape: SinkShape = {
      keyColumns: [],
      valueColumns: [{ name: 'D', type: SqlTypes.decimal(4, 2) }],
      valueFormat: 'JSON',
      wrapSingleValue: true,
    };
    const e: QttRecord = { topic: 'T', key: null, value: { D: exact('1.1') } };
    const a = actual(null, [new Decimal('1.10')]);
    expect(compareRecord(e, a, shape, { anyTimestampForZero: false })).toMatchObject({
      class: 'wrong rows',
    });
    expect(
      compareRecord(e, a, shape, { anyTimestampForZero: false, exactDecimals: false }),
    ).toBeNull();
  });

  it('treats a null key as matching only an expected null key', () => {
    const shape: SinkShape = {
      keyColumns: [
        { name: 'K', type: SqlTypes.integer },
        { name: 'K2', type: SqlTypes.integer },
      ],
      valueColumns: [{ name: 'V', type: SqlTypes.integer }],
      valueFormat: 'JSON',
      wrapSingleValue: true,
    };
    const e: QttRecord = { topic: 'T', key: null, value: { V: exact('0') } };
    expect(compareRecord(e, actual(null, [0]), shape, { anyTimestampForZero: false })).toBeNull();
    expect(
      compareRecord(e, actual([null, null], [0]), shape, { anyTimestampForZero: false }),
    ).toMatchObject({ class: 'wrong rows' });
  });
});
