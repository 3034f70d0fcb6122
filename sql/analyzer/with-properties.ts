import type { Property, Span } from '../ast';
import { AnalysisErrorCodes, fail } from './analysis-error';

/** Where a WITH clause appears: the set of allowed keys differs. */
export type PropertyContext = 'CREATE_SOURCE' | 'CREATE_AS_SELECT' | 'INSERT_INTO';

const COMMON = [
  'KAFKA_TOPIC',
  'VALUE_FORMAT',
  'KEY_FORMAT',
  'FORMAT',
  'PARTITIONS',
  'REPLICAS',
  'TIMESTAMP',
  'TIMESTAMP_FORMAT',
  'WRAP_SINGLE_VALUE',
  'VALUE_DELIMITER',
  'KEY_DELIMITER',
  'VALUE_AVRO_SCHEMA_FULL_NAME',
  'VALUE_SCHEMA_FULL_NAME',
  'KEY_SCHEMA_FULL_NAME',
  'KEY_SCHEMA_ID',
  'VALUE_SCHEMA_ID',
  'VALUE_PROTOBUF_NULLABLE_REPRESENTATION',
  'KEY_PROTOBUF_NULLABLE_REPRESENTATION',
  'RETENTION_MS',
  'CLEANUP_POLICY',
];

const ALLOWED: Readonly<Record<PropertyContext, ReadonlySet<string>>> = {
  CREATE_SOURCE: new Set([...COMMON, 'WINDOW_TYPE', 'WINDOW_SIZE', 'SOURCE_CONNECTOR']),
  CREATE_AS_SELECT: new Set(COMMON),
  INSERT_INTO: new Set(['QUERY_ID']),
};

/** A typed view over a WITH (...) list, remembering each property's span for errors. */
export class WithProperties {
  private readonly byKey = new Map<string, Property>();

  constructor(
    properties: readonly Property[],
    context: PropertyContext,
    readonly span: Span,
  ) {
    for (const property of properties) {
      if (!ALLOWED[context].has(property.key)) {
        fail(
          AnalysisErrorCodes.invalidProperty,
          `Invalid config variable(s) in the WITH clause: ${property.key}`,
          property.span,
        );
      }
      if (this.byKey.has(property.key)) {
        fail(
          AnalysisErrorCodes.invalidProperty,
          `Duplicate property: ${property.key}`,
          property.span,
        );
      }
      this.byKey.set(property.key, property);
    }
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  spanOf(key: string): Span {
    return this.byKey.get(key)?.span ?? this.span;
  }

  string(key: string): string | undefined {
    const property = this.byKey.get(key);
    if (!property) return undefined;
    const value = property.value;
    switch (value.kind) {
      case 'StringLiteral':
        return value.value;
      case 'BooleanLiteral':
        return String(value.value);
      default:
        return value.text;
    }
  }

  integer(key: string): number | undefined {
    const text = this.string(key);
    if (text === undefined) return undefined;
    if (!/^-?\d+$/.test(text.trim())) {
      fail(
        AnalysisErrorCodes.invalidProperty,
        `Invalid value for ${key}: '${text}' is not an integer`,
        this.spanOf(key),
      );
    }
    return Number(text);
  }

  boolean(key: string): boolean | undefined {
    const text = this.string(key);
    if (text === undefined) return undefined;
    const lower = text.trim().toLowerCase();
    if (lower !== 'true' && lower !== 'false') {
      fail(
        AnalysisErrorCodes.invalidProperty,
        `Invalid value for ${key}: '${text}' is not a boolean`,
        this.spanOf(key),
      );
    }
    return lower === 'true';
  }
}
