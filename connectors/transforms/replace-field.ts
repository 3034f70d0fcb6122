import { configDef, parseConfig } from '../config';
import type { ConnectRecord } from '../data/connect-record';
import { structSchema } from '../data/connect-schema';
import type { Props } from '../plugins/source-connector';
import type { Transformation, TransformationPlugin } from '../plugins/transformation';
import { pairs, partOf, requireStruct, withPart, type Side } from './record-parts';

const BASE = 'org.apache.kafka.connect.transforms.ReplaceField';

const def = configDef([
  {
    name: 'exclude',
    type: 'LIST',
    defaultValue: [],
    importance: 'MEDIUM',
    documentation: 'Fields to exclude; takes precedence over include.',
  },
  {
    name: 'include',
    type: 'LIST',
    defaultValue: [],
    importance: 'MEDIUM',
    documentation: 'Fields to include; when set, only these are kept.',
  },
  {
    name: 'renames',
    type: 'LIST',
    defaultValue: [],
    importance: 'MEDIUM',
    documentation: 'Field rename mappings, old:new.',
  },
  {
    name: 'blacklist',
    type: 'LIST',
    defaultValue: [],
    importance: 'LOW',
    documentation: 'Deprecated name of exclude.',
  },
  {
    name: 'whitelist',
    type: 'LIST',
    defaultValue: [],
    importance: 'LOW',
    documentation: 'Deprecated name of include.',
  },
]);

/** Connect's ReplaceField: filters and renames fields. */
export class ReplaceField implements Transformation {
  private exclude = new Set<string>();
  private include = new Set<string>();
  private renames = new Map<string, string>();

  constructor(private readonly side: Side) {}

  configure(props: Props): void {
    const c = parseConfig(def, props);
    this.exclude = new Set([...c.list('exclude'), ...c.list('blacklist')]);
    this.include = new Set([...c.list('include'), ...c.list('whitelist')]);
    this.renames = new Map(pairs(c.list('renames')));
  }

  private keeps(name: string): boolean {
    return !this.exclude.has(name) && (this.include.size === 0 || this.include.has(name));
  }

  private renamed(name: string): string {
    return this.renames.get(name) ?? name;
  }

  apply<R extends ConnectRecord>(record: R): R | null {
    const part = partOf(record, this.side);
    if (part.value === null || part.value === undefined) return record;
    const input = requireStruct(part.value, 'field replacement');
    const value: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input)) if (this.keeps(k)) value[this.renamed(k)] = v;
    const schema =
      part.schema === null
        ? null
        : structSchema(
            part.schema.name,
            (part.schema.fields ?? [])
              .filter((f) => this.keeps(f.name))
              .map((f) => ({ name: this.renamed(f.name), schema: f.schema })),
            part.schema.optional,
          );
    return withPart(record, this.side, { schema, value });
  }

  close(): void {}
}

export const replaceFieldPlugins: TransformationPlugin[] = (['key', 'value'] as const).map(
  (side) => ({
    className: `${BASE}$${side === 'key' ? 'Key' : 'Value'}`,
    version: '3.9.0',
    configDef: def,
    create: () => new ReplaceField(side),
  }),
);
