import type { Expression as IrExpression, SqlType } from '../../topology/spec';
import type { Expression } from '../ast';
import { AnalysisErrorCodes, fail } from './analysis-error';
import { coerce, commonTypeOf } from './coercion';
import type { ExpressionAnalyzer } from './expression-analyzer';

/** STRUCT(...), ARRAY[...] and MAP(...) constructors with ksqlDB's typing and rejections. */
export function analyzeStructConstructor(
  analyzer: ExpressionAnalyzer,
  node: Extract<Expression, { kind: 'StructConstructor' }>,
): IrExpression {
  const seen = new Set<string>();
  const fields = node.fields.map((f) => {
    if (seen.has(f.name.name))
      fail(AnalysisErrorCodes.duplicateColumn, 'Duplicate field names found in STRUCT', f.span);
    seen.add(f.name.name);
    return { name: f.name.name, value: analyzer.typed(f.value) };
  });
  const type: SqlType = {
    kind: 'STRUCT',
    fields: fields.map((f) => ({ name: f.name, type: f.value.type })),
  };
  return { kind: 'StructConstructor', fields, type };
}

export function analyzeArrayConstructor(
  analyzer: ExpressionAnalyzer,
  node: Extract<Expression, { kind: 'ArrayConstructor' }>,
): IrExpression {
  if (node.elements.length === 0) {
    fail(
      AnalysisErrorCodes.invalidExpression,
      'Array constructor cannot be empty. Please supply at least one element (see https://github.com/confluentinc/ksql/issues/4239).',
      node.span,
    );
  }
  const elements = node.elements.map((e) => analyzer.analyze(e));
  const element = commonTypeOf(elements, node.span, 'invalid ARRAY constructor');
  if (!element) {
    fail(
      AnalysisErrorCodes.nullType,
      'Cannot construct an array with all NULL elements (see https://github.com/confluentinc/ksql/issues/4239). As a workaround, you may cast a NULL value to the desired type.',
      node.span,
    );
  }
  return {
    kind: 'ArrayConstructor',
    elements: elements.map((e, i) => coerce(e, element, node.elements[i]?.span ?? node.span)),
    type: { kind: 'ARRAY', element },
  };
}

export function analyzeMapConstructor(
  analyzer: ExpressionAnalyzer,
  node: Extract<Expression, { kind: 'MapConstructor' }>,
): IrExpression {
  if (node.entries.length === 0) {
    fail(
      AnalysisErrorCodes.invalidExpression,
      'Map constructor cannot be empty. Please supply at least one key value pair (see https://github.com/confluentinc/ksql/issues/4239).',
      node.span,
    );
  }
  const keys = node.entries.map((e) => analyzer.analyze(e.key));
  const values = node.entries.map((e) => analyzer.analyze(e.value));
  const key = commonTypeOf(keys, node.span, 'invalid MAP constructor');
  const value = commonTypeOf(values, node.span, 'invalid MAP constructor');
  if (!key || !value) {
    fail(
      AnalysisErrorCodes.nullType,
      'Cannot construct a map with all NULL keys or values (see https://github.com/confluentinc/ksql/issues/4239). As a workaround, you may cast a NULL value to the desired type.',
      node.span,
    );
  }
  return {
    kind: 'MapConstructor',
    entries: node.entries.map((e, i) => ({
      key: coerce(keys[i] ?? keys[0]!, key, e.key.span),
      value: coerce(values[i] ?? values[0]!, value, e.value.span),
    })),
    type: { kind: 'MAP', key, value },
  };
}
