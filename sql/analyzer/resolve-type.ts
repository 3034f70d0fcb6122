import type { SqlType } from '../../topology/spec';
import { assertNever, type TypeNode } from '../ast';
import type { Catalog } from '../catalog';
import { AnalysisErrorCodes, fail } from './analysis-error';

/** A parsed type as a SqlType, custom types (CREATE TYPE) looked up in the catalog. */
export function resolveType(node: TypeNode, catalog: Catalog): SqlType {
  switch (node.kind) {
    case 'PrimitiveType':
      return { kind: node.name };
    case 'DecimalType':
      if (node.precision < 1 || node.scale < 0 || node.scale > node.precision) {
        fail(
          AnalysisErrorCodes.typeMismatch,
          `DECIMAL precision must be >= 1 and scale between 0 and precision. Got DECIMAL(${node.precision}, ${node.scale})`,
          node.span,
        );
      }
      return { kind: 'DECIMAL', precision: node.precision, scale: node.scale };
    case 'ArrayType':
      return { kind: 'ARRAY', element: resolveType(node.element, catalog) };
    case 'MapType':
      return {
        kind: 'MAP',
        key: resolveType(node.key, catalog),
        value: resolveType(node.value, catalog),
      };
    case 'StructType': {
      const fields = node.fields.map((f) => ({
        name: f.name.name,
        type: resolveType(f.type, catalog),
      }));
      const seen = new Set<string>();
      for (const [i, field] of fields.entries()) {
        if (seen.has(field.name)) {
          fail(
            AnalysisErrorCodes.duplicateColumn,
            'Duplicate field names found in STRUCT',
            node.fields[i]?.span ?? node.span,
          );
        }
        seen.add(field.name);
      }
      return { kind: 'STRUCT', fields };
    }
    case 'CustomType': {
      const type = catalog.getType(node.name.name);
      if (!type) fail(AnalysisErrorCodes.unknownType, `Unknown type: ${node.name.name}`, node.span);
      return type;
    }
    default:
      return assertNever(node, 'type node');
  }
}
