import type { Identifier } from './identifier';
import { nodeFactory, type AstNode } from './node';

/** The primitive type names after aliasing (INT -> INTEGER, VARCHAR -> STRING). */
export type PrimitiveTypeName =
  'BOOLEAN' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'STRING' | 'BYTES' | 'TIMESTAMP' | 'DATE' | 'TIME';

export interface PrimitiveType extends AstNode {
  readonly kind: 'PrimitiveType';
  readonly name: PrimitiveTypeName;
}
export const PrimitiveType = nodeFactory<PrimitiveType>('PrimitiveType');

export interface DecimalType extends AstNode {
  readonly kind: 'DecimalType';
  readonly precision: number;
  readonly scale: number;
}
export const DecimalType = nodeFactory<DecimalType>('DecimalType');

export interface ArrayType extends AstNode {
  readonly kind: 'ArrayType';
  readonly element: TypeNode;
}
export const ArrayType = nodeFactory<ArrayType>('ArrayType');

export interface MapType extends AstNode {
  readonly kind: 'MapType';
  readonly key: TypeNode;
  readonly value: TypeNode;
}
export const MapType = nodeFactory<MapType>('MapType');

export interface StructTypeField extends AstNode {
  readonly kind: 'StructTypeField';
  readonly name: Identifier;
  readonly type: TypeNode;
}
export const StructTypeField = nodeFactory<StructTypeField>('StructTypeField');

export interface StructType extends AstNode {
  readonly kind: 'StructType';
  readonly fields: readonly StructTypeField[];
}
export const StructType = nodeFactory<StructType>('StructType');

/** A type registered with CREATE TYPE; the analyzer resolves it. */
export interface CustomType extends AstNode {
  readonly kind: 'CustomType';
  readonly name: Identifier;
}
export const CustomType = nodeFactory<CustomType>('CustomType');

export type TypeNode = PrimitiveType | DecimalType | ArrayType | MapType | StructType | CustomType;
export type TypeNodeKind = TypeNode['kind'];
