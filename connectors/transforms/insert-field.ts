import { configDef, parseConfig } from '../config';
import type { ConnectRecord, SinkRecord } from '../data/connect-record';
import {
  connectSchema,
  structSchema,
  timestampSchema,
  type ConnectSchema,
} from '../data/connect-schema';
import type { Props } from '../plugins/source-connector';
import type { Transformation, TransformationPlugin } from '../plugins/transformation';
import { partOf, requireStruct, withPart, type Side } from './record-parts';

const BASE = 'org.apache.kafka.connect.transforms.InsertField';

const def = configDef(
  ['topic', 'partition', 'offset', 'timestamp', 'static']
    .map((k) => ({
      name: `${k}.field`,
      type: 'STRING' as const,
      defaultValue: null,
      importance: 'MEDIUM' as const,
      documentation: `Field name for the record ${k === 'static' ? 'static data' : k}; suffix with ! to make it required, ? (default) optional.`,
    }))
    .concat([
      {
        name: 'static.value',
        type: 'STRING',
        defaultValue: null,
        importance: 'MEDIUM',
        documentation: 'Static field value, if a static field name is configured.',
      },
    ]),
);

interface Insert {
  readonly name: string;
  readonly optional: boolean;
  readonly schema: ConnectSchema;
  readonly value: (r: ConnectRecord) => unknown;
}

function spec(raw: string | null, schema: ConnectSchema, value: Insert['value']): Insert[] {
  if (raw === null) return [];
  const required = raw.endsWith('!');
  const name = raw.replace(/[!?]$/, '');
  return [{ name, optional: !required, schema: { ...schema, optional: !required }, value }];
}

/** Connect's InsertField: adds topic, partition, offset, timestamp or a static value. */
export class InsertField implements Transformation {
  private inserts: Insert[] = [];

  constructor(private readonly side: Side) {}

  configure(props: Props): void {
    const c = parseConfig(def, props);
    const staticValue = c.optionalString('static.value');
    this.inserts = [
      ...spec(c.optionalString('topic.field'), connectSchema('STRING'), (r) => r.topic),
      ...spec(c.optionalString('partition.field'), connectSchema('INT32'), (r) => r.kafkaPartition),
      ...spec(c.optionalString('offset.field'), connectSchema('INT64'), (r) =>
        'kafkaOffset' in r ? (r as SinkRecord).kafkaOffset : null,
      ),
      ...spec(c.optionalString('timestamp.field'), timestampSchema(), (r) => r.timestamp),
      ...spec(c.optionalString('static.field'), connectSchema('STRING'), () => staticValue),
    ];
  }

  apply<R extends ConnectRecord>(record: R): R | null {
    const part = partOf(record, this.side);
    if (part.value === null || part.value === undefined) return record;
    const value = { ...requireStruct(part.value, `field insertion`) };
    for (const i of this.inserts) value[i.name] = i.value(record);
    const schema =
      part.schema === null
        ? null
        : structSchema(
            part.schema.name,
            [
              ...(part.schema.fields ?? []).map((f) => ({ name: f.name, schema: f.schema })),
              ...this.inserts.map((i) => ({ name: i.name, schema: i.schema })),
            ],
            part.schema.optional,
          );
    return withPart(record, this.side, { schema, value });
  }

  close(): void {}
}

export const insertFieldPlugins: TransformationPlugin[] = (['key', 'value'] as const).map(
  (side) => ({
    className: `${BASE}$${side === 'key' ? 'Key' : 'Value'}`,
    version: '3.9.0',
    configDef: def,
    create: () => new InsertField(side),
  }),
);
