import {
  SqlTypes,
  type Expression as IrExpression,
  type Literal as IrLiteral,
  type SqlType,
} from '../../topology/spec';
import type { Literal } from '../ast';
import { assertNever } from '../ast';
import { decimalLiteralType, integerLiteralType } from './types';

/** NULL literals whose type is not known yet; coercion gives them one. */
const untypedNulls = new WeakSet<IrExpression>();

export function isUntypedNull(expr: IrExpression): boolean {
  return untypedNulls.has(expr);
}

export function untypedNull(): IrLiteral {
  const literal: IrLiteral = { kind: 'Literal', value: null, type: SqlTypes.string };
  untypedNulls.add(literal);
  return literal;
}

export function typedNull(type: SqlType): IrLiteral {
  return { kind: 'Literal', value: null, type };
}

export function analyzeLiteral(node: Literal): IrExpression {
  switch (node.kind) {
    case 'StringLiteral':
      return { kind: 'Literal', value: node.value, type: SqlTypes.string };
    case 'BooleanLiteral':
      return { kind: 'Literal', value: node.value, type: SqlTypes.boolean };
    case 'NullLiteral':
      return untypedNull();
    case 'IntegerLiteral': {
      const type = integerLiteralType(node.text);
      const value = type.kind === 'INTEGER' ? Number(node.text) : BigInt(node.text).toString();
      return { kind: 'Literal', value, type };
    }
    case 'DecimalLiteral':
      return { kind: 'Literal', value: node.text, type: decimalLiteralType(node.text) };
    case 'DoubleLiteral':
      return { kind: 'Literal', value: Number(node.text), type: SqlTypes.double };
    default:
      return assertNever(node, 'literal');
  }
}
