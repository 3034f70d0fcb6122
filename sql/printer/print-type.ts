import { assertNever, type TypeNode } from '../ast';
import { printIdentifier } from './print-names';

export function printType(type: TypeNode): string {
  switch (type.kind) {
    case 'PrimitiveType':
      return type.name;
    case 'DecimalType':
      return `DECIMAL(${type.precision}, ${type.scale})`;
    case 'ArrayType':
      return `ARRAY<${printType(type.element)}>`;
    case 'MapType':
      return `MAP<${printType(type.key)}, ${printType(type.value)}>`;
    case 'StructType':
      return `STRUCT<${type.fields.map((f) => `${printIdentifier(f.name)} ${printType(f.type)}`).join(', ')}>`;
    case 'CustomType':
      return printIdentifier(type.name);
    default:
      return assertNever(type, 'type node');
  }
}
