import type { Statement } from '../ast';
import { supportsSchemaInference, type SchemaInferenceRequest } from '../catalog';
import type { AnalyzerConfig } from './analyzer-config';
import { defaultFormats } from './create-source-analysis';
import { resolveFormats } from './format-rules';
import { WithProperties } from './with-properties';

/**
 * The registry look-ups a statement's analysis will make. `compileStatement` is synchronous, so
 * the engine fetches these schemas first (the registry is remote) and passes them in through a
 * `SchemaInference` that answers from what it fetched. Empty for statements that declare columns.
 */
export function schemaInferenceNeeds(
  statement: Statement,
  config: AnalyzerConfig,
): SchemaInferenceRequest[] {
  if (statement.kind !== 'CreateSource') return [];
  const props = new WithProperties(statement.properties, 'CREATE_SOURCE', statement.span);
  const topic = props.string('KAFKA_TOPIC');
  if (topic === undefined) return [];
  const formats = resolveFormats(props, defaultFormats(config));
  const needs: SchemaInferenceRequest[] = [];
  const declares = (ns: 'KEY' | 'VALUE') =>
    statement.columns.some((c) =>
      ns === 'KEY'
        ? c.constraint === 'KEY' || c.constraint === 'PRIMARY KEY'
        : c.constraint === 'NONE',
    );
  for (const [side, format] of [
    ['KEY', formats.keyFormat],
    ['VALUE', formats.valueFormat],
  ] as const) {
    if (declares(side) || !supportsSchemaInference(format.format)) continue;
    needs.push({
      topic,
      side,
      format: format.format,
      ...(format.schemaId !== undefined ? { schemaId: format.schemaId } : {}),
      ...(format.fullSchemaName !== undefined ? { fullSchemaName: format.fullSchemaName } : {}),
    });
  }
  return needs;
}
