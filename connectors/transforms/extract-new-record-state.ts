import { configDef, oneOf, parseConfig } from '../config';
import type { ConnectRecord, ConnectHeader } from '../data/connect-record';
import {
  connectSchema,
  field,
  optional,
  structSchema,
  type ConnectSchema,
} from '../data/connect-schema';
import { text } from '../data/text';
import type { Props } from '../plugins/source-connector';
import type { Transformation, TransformationPlugin } from '../plugins/transformation';
import { requireStruct, type Struct } from './record-parts';

export const EXTRACT_NEW_RECORD_STATE = 'io.debezium.transforms.ExtractNewRecordState';

const def = configDef([
  {
    name: 'drop.tombstones',
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'LOW',
    documentation: 'Drop tombstone records (null values) instead of passing them on.',
  },
  {
    name: 'delete.handling.mode',
    type: 'STRING',
    defaultValue: 'drop',
    importance: 'MEDIUM',
    documentation:
      'Delete events: drop them, pass them on as tombstones (none), or rewrite them to the before image with __deleted=true.',
    validator: oneOf('drop', 'rewrite', 'none'),
  },
  {
    name: 'delete.tombstone.handling.mode',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation:
      'Debezium 2.5+ form: drop, tombstone, rewrite or rewrite-with-tombstone; overrides the two keys above.',
    validator: oneOf(
      'drop',
      'tombstone',
      'rewrite',
      'rewrite-with-tombstone',
      'delete-to-tombstone',
    ),
  },
  {
    name: 'add.fields',
    type: 'LIST',
    defaultValue: [],
    importance: 'LOW',
    documentation:
      'Envelope or source fields added to the record (op, table, lsn, source.ts_ms, ...), named <prefix><field> with dots as underscores.',
  },
  {
    name: 'add.fields.prefix',
    type: 'STRING',
    defaultValue: '__',
    importance: 'LOW',
    documentation: 'Prefix of added fields.',
  },
  {
    name: 'add.headers',
    type: 'LIST',
    defaultValue: [],
    importance: 'LOW',
    documentation: 'Envelope or source fields added as headers.',
  },
  {
    name: 'add.headers.prefix',
    type: 'STRING',
    defaultValue: '__',
    importance: 'LOW',
    documentation: 'Prefix of added headers.',
  },
]);

interface Added {
  readonly path: readonly string[];
  readonly name: string;
}

function added(list: readonly string[], prefix: string): Added[] {
  return list.map((spec) => {
    const [path, alias] = spec.split(':').map((s) => s.trim());
    const parts = path!.split('.');
    return { path: parts, name: alias ?? `${prefix}${parts.join('_')}` };
  });
}

function lookup(envelope: Struct, schema: ConnectSchema | null, path: readonly string[]) {
  const inSource = path.length === 1 && !(path[0]! in envelope) ? ['source', path[0]!] : path;
  let value: unknown = envelope;
  let s: ConnectSchema | undefined = schema ?? undefined;
  for (const p of inSource) {
    value = value === null || typeof value !== 'object' ? null : ((value as Struct)[p] ?? null);
    s = s === undefined ? undefined : field(s, p)?.schema;
  }
  return { value, schema: s === undefined ? optional(connectSchema('STRING')) : optional(s) };
}

/** Debezium's unwrap: replaces the change envelope with the row state (`after`). */
export class ExtractNewRecordState implements Transformation {
  private mode = 'drop';
  private dropTombstones = true;
  private fields: Added[] = [];
  private headers: Added[] = [];

  configure(props: Props): void {
    const c = parseConfig(def, props);
    this.dropTombstones = c.bool('drop.tombstones');
    this.mode = c.string('delete.handling.mode');
    const modern = c.optionalString('delete.tombstone.handling.mode');
    if (modern !== null) {
      this.mode =
        modern === 'tombstone' || modern === 'delete-to-tombstone'
          ? 'none'
          : modern === 'rewrite-with-tombstone'
            ? 'rewrite'
            : modern;
      this.dropTombstones = modern !== 'rewrite-with-tombstone';
    }
    this.fields = added(c.list('add.fields'), c.string('add.fields.prefix'));
    this.headers = added(c.list('add.headers'), c.string('add.headers.prefix'));
  }

  apply<R extends ConnectRecord>(record: R): R | null {
    if (record.value === null || record.value === undefined)
      return this.dropTombstones ? null : record;
    const envelope = requireStruct(record.value, 'unwrap');
    const schema = record.valueSchema;
    if (!('op' in envelope) || !('after' in envelope)) return record;
    const op = envelope['op'];
    if (op === 't') return null;
    const headers: ConnectHeader[] = [
      ...record.headers,
      ...this.headers.map((h) => {
        const v = lookup(envelope, schema, h.path).value;
        return { key: h.name, value: v === null ? null : text(v) };
      }),
    ];
    if (op === 'd') {
      if (this.mode === 'drop') return null;
      if (this.mode === 'none') return { ...record, valueSchema: null, value: null, headers };
    }
    const state = (op === 'd' ? envelope['before'] : envelope['after']) as Struct | null;
    const stateSchema =
      schema === null ? null : (field(schema, op === 'd' ? 'before' : 'after')?.schema ?? null);
    return { ...record, ...this.row(state, stateSchema, envelope, schema, op === 'd'), headers };
  }

  private row(
    state: Struct | null,
    stateSchema: ConnectSchema | null,
    envelope: Struct,
    schema: ConnectSchema | null,
    deleted: boolean,
  ) {
    const extras = this.fields.map((f) => ({ name: f.name, ...lookup(envelope, schema, f.path) }));
    if (this.mode === 'rewrite')
      extras.push({
        name: '__deleted',
        value: String(deleted),
        schema: optional(connectSchema('STRING')),
      });
    if (extras.length === 0) return { valueSchema: stateSchema, value: state };
    const value: Struct = { ...(state ?? {}) };
    for (const e of extras) value[e.name] = e.value;
    const valueSchema =
      stateSchema === null
        ? null
        : structSchema(
            stateSchema.name,
            [
              ...(stateSchema.fields ?? []).map((f) => ({ name: f.name, schema: f.schema })),
              ...extras.map((e) => ({ name: e.name, schema: e.schema })),
            ],
            stateSchema.optional,
          );
    return { valueSchema, value };
  }

  close(): void {}
}

export const extractNewRecordStatePlugin: TransformationPlugin = {
  className: EXTRACT_NEW_RECORD_STATE,
  version: '2.7.3.Final',
  configDef: def,
  create: () => new ExtractNewRecordState(),
};
