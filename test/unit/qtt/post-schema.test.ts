import { SqlTypes } from '../../../topology/spec';
import { parsePostSchema } from '../../../src/qtt/post-schema';

describe('post-condition schema strings', () => {
  it('normalises type aliases, upper-cases unquoted names and keeps quoted ones', () => {
    expect(parsePostSchema('id int KEY, `name` VARCHAR, Big BIGINT')).toEqual([
      { name: 'ID', type: SqlTypes.integer, namespace: 'KEY' },
      { name: 'name', type: SqlTypes.string, namespace: 'VALUE' },
      { name: 'BIG', type: SqlTypes.bigint, namespace: 'VALUE' },
    ]);
  });

  it('reads nested types, decimals, PRIMARY KEY and names that start with a digit', () => {
    expect(
      parsePostSchema(
        'K STRING PRIMARY KEY, S STRUCT<F1 ARRAY<DECIMAL(4, 2)>, `f` MAP<STRING, INT>>, 1R DOUBLE',
      ),
    ).toEqual([
      { name: 'K', type: SqlTypes.string, namespace: 'KEY' },
      {
        name: 'S',
        type: SqlTypes.struct([
          { name: 'F1', type: SqlTypes.array(SqlTypes.decimal(4, 2)) },
          { name: 'f', type: SqlTypes.map(SqlTypes.string, SqlTypes.integer) },
        ]),
        namespace: 'VALUE',
      },
      { name: '1R', type: SqlTypes.double, namespace: 'VALUE' },
    ]);
    expect(parsePostSchema('ID STRING KEY, S STRUCT< >')[1]?.type).toEqual(SqlTypes.struct([]));
  });

  it('rejects a schema it cannot read', () => {
    expect(() => parsePostSchema('A WIBBLE')).toThrow(/unknown type WIBBLE/);
  });
});
