import { configDef, parseConfig } from '../config';
import type { ConnectRecord } from '../data/connect-record';
import { field, structSchema } from '../data/connect-schema';
import { DataError } from '../errors';
import type { Props } from '../plugins/source-connector';
import type { Transformation, TransformationPlugin } from '../plugins/transformation';
import { requireStruct } from './record-parts';

const def = configDef([
  {
    name: 'fields',
    type: 'LIST',
    importance: 'HIGH',
    documentation: 'Field names on the record value to extract as the record key.',
  },
]);

/** Connect's ValueToKey: the key becomes a struct of the listed value fields. */
export class ValueToKey implements Transformation {
  private fields: readonly string[] = [];

  configure(props: Props): void {
    this.fields = parseConfig(def, props).list('fields');
  }

  apply<R extends ConnectRecord>(record: R): R | null {
    if (record.value === null || record.value === undefined) return record;
    const value = requireStruct(record.value, 'copying fields from value to key');
    const key = Object.fromEntries(this.fields.map((f) => [f, value[f] ?? null]));
    const vs = record.valueSchema;
    const keySchema =
      vs === null
        ? null
        : structSchema(
            undefined,
            this.fields.map((f) => {
              const s = field(vs, f)?.schema;
              if (s === undefined) throw new DataError(`Field does not exist: ${f}`);
              return { name: f, schema: s };
            }),
          );
    return { ...record, keySchema, key };
  }

  close(): void {}
}

export const valueToKeyPlugin: TransformationPlugin = {
  className: 'org.apache.kafka.connect.transforms.ValueToKey',
  version: '3.9.0',
  configDef: def,
  create: () => new ValueToKey(),
};
