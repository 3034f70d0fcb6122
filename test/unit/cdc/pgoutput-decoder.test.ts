import { decodePgOutput, formatLsn, parseLsn } from '../../../connectors';

function msg(parts: (Buffer | string | number[])[]): Buffer {
  return Buffer.concat(
    parts.map((p) =>
      typeof p === 'string' ? Buffer.from(p) : Buffer.isBuffer(p) ? p : Buffer.from(p),
    ),
  );
}
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const i16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const u64 = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(n);
  return b;
};
const cstr = (s: string) => Buffer.from(`${s}\0`);
const text = (s: string) => msg(['t', u32(Buffer.byteLength(s)), s]);

test('LSN text and numbers round-trip', () => {
  expect(parseLsn('16/B374D848')).toBe(0x16b374d848n);
  expect(formatLsn(0x16b374d848n)).toBe('16/B374D848');
});

test('decodes begin with the commit time on the Unix epoch', () => {
  const m = decodePgOutput(msg(['B', u64(0x100n), u64(1_000_000n), u32(42)]));
  expect(m).toEqual({
    kind: 'begin',
    finalLsn: 0x100n,
    commitTimeUs: 946_684_801_000_000n,
    xid: 42,
  });
});

test('decodes a relation with key flags, types and modifiers', () => {
  const m = decodePgOutput(
    msg([
      'R',
      u32(7),
      cstr('public'),
      cstr('items'),
      'd',
      i16(2),
      [1],
      cstr('id'),
      u32(23),
      u32(0xffffffff),
      [0],
      cstr('price'),
      u32(1700),
      u32(655366),
    ]),
  );
  expect(m).toEqual({
    kind: 'relation',
    relationId: 7,
    schema: 'public',
    table: 'items',
    replicaIdentity: 'd',
    columns: [
      { isKey: true, name: 'id', typeOid: 23, typeModifier: -1 },
      { isKey: false, name: 'price', typeOid: 1700, typeModifier: 655366 },
    ],
  });
});

test('decodes inserts with null and unchanged-TOAST columns, updates with old images, deletes and truncates', () => {
  expect(decodePgOutput(msg(['I', u32(7), 'N', i16(3), text('1'), 'n', 'u']))).toEqual({
    kind: 'insert',
    relationId: 7,
    newTuple: ['1', null, undefined],
  });
  expect(
    decodePgOutput(msg(['U', u32(7), 'O', i16(1), text('1'), 'N', i16(1), text('2')])),
  ).toEqual({
    kind: 'update',
    relationId: 7,
    oldKind: 'O',
    oldTuple: ['1'],
    newTuple: ['2'],
  });
  expect(decodePgOutput(msg(['U', u32(7), 'N', i16(1), text('2')]))).toMatchObject({
    oldKind: null,
    oldTuple: null,
  });
  expect(decodePgOutput(msg(['D', u32(7), 'K', i16(1), text('1')]))).toEqual({
    kind: 'delete',
    relationId: 7,
    oldKind: 'K',
    oldTuple: ['1'],
  });
  expect(decodePgOutput(msg(['T', u32(2), [3], u32(7), u32(8)]))).toEqual({
    kind: 'truncate',
    cascade: true,
    restartIdentity: true,
    relationIds: [7, 8],
  });
});
