import {
  ArrayType,
  CustomType,
  DecimalType,
  MapType,
  PrimitiveType,
  type PrimitiveTypeName,
  StructType,
  StructTypeField,
  type TypeNode,
} from '../ast';
import { SqlSyntaxError, SyntaxErrorCodes } from '../errors';
import type { TokenStream } from './token-stream';

const primitiveAliases: Readonly<Record<string, PrimitiveTypeName>> = {
  BOOLEAN: 'BOOLEAN',
  INT: 'INTEGER',
  INTEGER: 'INTEGER',
  BIGINT: 'BIGINT',
  DOUBLE: 'DOUBLE',
  STRING: 'STRING',
  VARCHAR: 'STRING',
  BYTES: 'BYTES',
  TIMESTAMP: 'TIMESTAMP',
  DATE: 'DATE',
  TIME: 'TIME',
};

/** A column or CAST type; a name that is no built-in type is a custom type from CREATE TYPE. */
export function parseType(ts: TokenStream): TypeNode {
  return ts.nested(() => parseTypeInner(ts));
}

function parseTypeInner(ts: TokenStream): TypeNode {
  const first = ts.peek();
  const start = first.span.start;
  if (first.type === 'word') {
    const primitive = primitiveAliases[first.value];
    if (primitive !== undefined) {
      ts.next();
      return PrimitiveType.create({ name: primitive, span: first.span });
    }
    if (ts.acceptKeyword('DECIMAL')) {
      ts.expectSymbol('(');
      const precision = parseTypeInteger(ts, 'the DECIMAL precision');
      ts.expectSymbol(',');
      const scale = parseTypeInteger(ts, 'the DECIMAL scale');
      ts.expectSymbol(')');
      return DecimalType.create({ precision, scale, span: ts.spanFrom(start) });
    }
    if (ts.isKeyword('ARRAY') && ts.isSymbol('<', 1)) {
      ts.next();
      ts.next();
      const element = parseType(ts);
      expectCloseAngle(ts);
      return ArrayType.create({ element, span: ts.spanFrom(start) });
    }
    if (ts.isKeyword('MAP') && ts.isSymbol('<', 1)) {
      ts.next();
      ts.next();
      const key = parseType(ts);
      ts.expectSymbol(',');
      const value = parseType(ts);
      expectCloseAngle(ts);
      return MapType.create({ key, value, span: ts.spanFrom(start) });
    }
    if (ts.isKeyword('STRUCT') && ts.isSymbol('<', 1)) return parseStructType(ts);
  }
  if (!ts.isIdentifier()) throw ts.unexpected('a type');
  const name = ts.expectIdentifier('a type');
  return CustomType.create({ name, span: name.span });
}

function parseStructType(ts: TokenStream): TypeNode {
  const start = ts.next().span.start;
  ts.expectSymbol('<');
  const fields: StructTypeField[] = [];
  if (!ts.isSymbol('>')) {
    do {
      const name = ts.expectIdentifier('a struct field name');
      const type = parseType(ts);
      fields.push(StructTypeField.create({ name, type, span: ts.spanFrom(name.span.start) }));
    } while (ts.acceptSymbol(','));
  }
  expectCloseAngle(ts);
  return StructType.create({ fields, span: ts.spanFrom(start) });
}

/** `>` closes a type; `>=` never appears inside one, so no token splitting is needed. */
function expectCloseAngle(ts: TokenStream): void {
  ts.expectSymbol('>');
}

function parseTypeInteger(ts: TokenStream, what: string): number {
  const token = ts.peek();
  if (token.type !== 'integer') throw ts.unexpected(what);
  ts.next();
  const value = Number(token.text);
  if (!Number.isSafeInteger(value)) {
    throw new SqlSyntaxError(
      SyntaxErrorCodes.invalidNumber,
      `Invalid ${what}: ${token.text}`,
      token.span,
    );
  }
  return value;
}
