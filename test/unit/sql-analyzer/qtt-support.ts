import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlType } from '../../../topology/spec';
import type { InferredSchema, SchemaInference } from '../../../sql/catalog';

export const QTT_DIR = process.env.QTT_CASES_DIR ?? '/work/shared/qtt/cases';

export interface QttCase {
  readonly file: string;
  readonly name: string;
  readonly statements: readonly string[];
  readonly properties: Readonly<Record<string, string>>;
  readonly expectedException?: { readonly type?: string; readonly message?: string };
  readonly postSources: readonly QttPostSource[];
  readonly topics: readonly QttTopic[];
}

export interface QttPostSource {
  readonly name: string;
  readonly type?: string;
  readonly schema?: string;
  readonly keyFormat?: {
    readonly format?: string;
    readonly windowType?: string;
    readonly windowSize?: number;
  };
  readonly isSource?: boolean;
}

export interface QttTopic {
  readonly name: string;
  readonly keySchema?: unknown;
  readonly valueSchema?: unknown;
  readonly keyFormat?: string;
  readonly valueFormat?: string;
}

/** QTT files allow `//` comments; strips them outside strings. */
function stripComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else out += c;
  }
  return out;
}

interface RawTest {
  name: string;
  statements: string[];
  enabled?: boolean;
  format?: string[];
  config?: string[];
  properties?: Record<string, unknown>;
  expectedException?: { type?: string; message?: string };
  post?: { sources?: QttPostSource[] };
  topics?: QttTopic[];
}

/** Every enabled case, expanded over `format` and `config` as QTT names them. */
export function loadQttCases(dir = QTT_DIR): QttCase[] {
  const cases: QttCase[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const doc = JSON.parse(stripComments(readFileSync(join(dir, file), 'utf8'))) as {
      tests: RawTest[];
    };
    for (const test of doc.tests) {
      if (test.enabled === false) continue;
      const formats = test.format ?? [undefined];
      const configs = test.config ?? [undefined];
      for (const format of formats) {
        for (const config of configs) {
          const properties: Record<string, string> = {};
          for (const [k, v] of Object.entries(test.properties ?? {}))
            properties[k] = v === '{CONFIG}' ? String(config) : String(v);
          const suffix = `${format ? ` - ${format}` : ''}${config !== undefined ? ` - config=${config}` : ''}`;
          cases.push({
            file,
            name: `${file.replace(/\.json$/, '')} - ${test.name}${suffix}`,
            statements: test.statements.map((s) => (format ? s.split('{FORMAT}').join(format) : s)),
            properties,
            ...(test.expectedException ? { expectedException: test.expectedException } : {}),
            postSources: test.post?.sources ?? [],
            topics: test.topics ?? [],
          });
        }
      }
    }
  }
  return cases;
}

/** Schema inference from a case's `topics` (Avro schemas as JSON), as QTT's mock registry does. */
export function topicInference(topics: readonly QttTopic[]): SchemaInference {
  return {
    inferColumns(request): InferredSchema | undefined {
      const topic = topics.find((t) => t.name === request.topic);
      const schema = request.side === 'KEY' ? topic?.keySchema : topic?.valueSchema;
      if (schema === undefined) return undefined;
      if (typeof schema === 'string') return protobufColumns(schema, request.fullSchemaName);
      const type = jsonSchemaType(schema) ?? avroType(schema);
      if (!type) return undefined;
      if (type.kind === 'STRUCT')
        return {
          columns: type.fields.map((f) => ({ name: f.name, type: f.type })),
          unwrapped: false,
        };
      return { columns: [{ name: 'ROWVAL', type }], unwrapped: true };
    },
  };
}

/** The fields of one message of a proto3 text schema (the named one, else the first). */
function protobufColumns(text: string, fullName?: string): InferredSchema | undefined {
  const messages = [...text.matchAll(/message\s+(\w+)\s*\{([^}]*)\}/g)];
  const message = messages.find((m) => m[1] === fullName) ?? messages[0];
  if (!message) return undefined;
  const types: Record<string, SqlType> = {
    int32: { kind: 'INTEGER' },
    uint32: { kind: 'INTEGER' },
    sint32: { kind: 'INTEGER' },
    int64: { kind: 'BIGINT' },
    uint64: { kind: 'BIGINT' },
    sint64: { kind: 'BIGINT' },
    float: { kind: 'DOUBLE' },
    double: { kind: 'DOUBLE' },
    string: { kind: 'STRING' },
    bool: { kind: 'BOOLEAN' },
    bytes: { kind: 'BYTES' },
  };
  const columns = [...(message[2] ?? '').matchAll(/(\w+)\s+(\w+)\s*=\s*\d+\s*;/g)].map((f) => ({
    name: (f[2] ?? '').toUpperCase(),
    type: types[f[1] ?? ''] ?? { kind: 'STRING' },
  }));
  return { columns, unwrapped: false };
}

function jsonSchemaType(schema: unknown): SqlType | undefined {
  const s = schema as { type?: unknown; properties?: Record<string, unknown>; items?: unknown };
  switch (s.type) {
    case 'object':
      if (!s.properties) return undefined;
      return {
        kind: 'STRUCT',
        fields: Object.entries(s.properties).map(([name, t]) => ({
          name: name.toUpperCase(),
          type: jsonSchemaType(t) ?? { kind: 'STRING' },
        })),
      };
    case 'number':
      return { kind: 'DOUBLE' };
    case 'integer':
      return { kind: 'BIGINT' };
    case 'boolean':
      return s.properties === undefined ? { kind: 'BOOLEAN' } : undefined;
    case 'array': {
      const element = jsonSchemaType(s.items);
      return element && { kind: 'ARRAY', element };
    }
    default:
      return undefined;
  }
}

function avroType(schema: unknown): SqlType | undefined {
  if (typeof schema === 'string') return primitive(schema);
  if (Array.isArray(schema)) {
    const nonNull = schema.filter((s) => s !== 'null');
    return nonNull.length === 1 ? avroType(nonNull[0]) : undefined;
  }
  const s = schema as {
    type: unknown;
    logicalType?: string;
    precision?: number;
    scale?: number;
    fields?: { name: string; type: unknown }[];
    items?: unknown;
    values?: unknown;
  };
  if (s.logicalType === 'decimal')
    return { kind: 'DECIMAL', precision: s.precision ?? 10, scale: s.scale ?? 0 };
  if (s.logicalType === 'date') return { kind: 'DATE' };
  if (s.logicalType === 'time-millis') return { kind: 'TIME' };
  if (s.logicalType === 'timestamp-millis') return { kind: 'TIMESTAMP' };
  switch (s.type) {
    case 'record': {
      const fields = (s.fields ?? []).map((f) => ({
        name: f.name.toUpperCase(),
        type: avroType(f.type),
      }));
      if (fields.some((f) => !f.type)) return undefined;
      return { kind: 'STRUCT', fields: fields.map((f) => ({ name: f.name, type: f.type! })) };
    }
    case 'array': {
      const element = avroType(s.items);
      return element && { kind: 'ARRAY', element };
    }
    case 'map': {
      const value = avroType(s.values);
      return value && { kind: 'MAP', key: { kind: 'STRING' }, value };
    }
    case 'enum':
      return { kind: 'STRING' };
    case 'fixed':
      return { kind: 'BYTES' };
    default:
      return typeof s.type === 'string' || Array.isArray(s.type) ? avroType(s.type) : undefined;
  }
}

function primitive(name: string): SqlType | undefined {
  switch (name) {
    case 'boolean':
      return { kind: 'BOOLEAN' };
    case 'int':
      return { kind: 'INTEGER' };
    case 'long':
      return { kind: 'BIGINT' };
    case 'float':
    case 'double':
      return { kind: 'DOUBLE' };
    case 'string':
      return { kind: 'STRING' };
    case 'bytes':
      return { kind: 'BYTES' };
    default:
      return undefined;
  }
}
