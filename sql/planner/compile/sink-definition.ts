import type { CreateAsSelect } from '../../ast';
import type { Column, FormatInfo, SourceDefinition } from '../../catalog';
import { AnalysisErrorCodes, fail } from '../../analyzer/analysis-error';
import { ConfigKeys, configValue, type AnalyzerConfig } from '../../analyzer/analyzer-config';
import { defaultFormats, timestampColumn } from '../../analyzer/create-source-analysis';
import { resolveFormats, validateFormatColumns } from '../../analyzer/format-rules';
import type { AnalyzedQuery } from '../../analyzer/query';
import { WithProperties } from '../../analyzer/with-properties';

/**
 * The catalog entry a CSAS/CTAS creates: formats, topic and partitions inherited from the
 * leftmost source unless the WITH clause says otherwise, as ksqlDB does.
 */
export function sinkDefinition(
  stmt: CreateAsSelect,
  query: AnalyzedQuery,
  config: AnalyzerConfig,
  sql?: string,
): SourceDefinition {
  const props = new WithProperties(stmt.properties, 'CREATE_AS_SELECT', stmt.span);
  const first = query.sources[0]!.source;
  const columns: Column[] = [...query.keyColumns, ...query.valueColumns];
  const inheritedKey = inheritKeyFormat(query, config);
  const defaults = defaultFormats(config);
  const formats = resolveFormats(props, {
    key: inheritedKey.format,
    value: first.valueFormat.format ?? defaults.value,
  });
  const keyFormat = sameFormatProps(props, 'KEY')
    ? inherit(formats.keyFormat, inheritedKey)
    : formats.keyFormat;
  const valueFormat = sameFormatProps(props, 'VALUE')
    ? inherit(formats.valueFormat, first.valueFormat)
    : formats.valueFormat;
  const finalKey =
    keyFormat.format === 'KAFKA' &&
    query.keyColumns.length > 1 &&
    !props.has('KEY_FORMAT') &&
    !props.has('FORMAT')
      ? { format: 'JSON' as const }
      : keyFormat;
  const wrap = wrapSingle(props, config, valueFormat, query.valueColumns.length);
  const resolved = {
    keyFormat: finalKey,
    valueFormat: wrap === undefined ? valueFormat : { ...valueFormat, wrapSingleValue: wrap },
  };
  validateFormatColumns(resolved, columns, stmt.span);
  const timestamp = timestampColumn(props, columns);
  const partitions =
    props.integer('PARTITIONS') ??
    numberConfig(config, ConfigKeys.sinkPartitions) ??
    first.partitions;
  const replicas =
    props.integer('REPLICAS') ?? numberConfig(config, ConfigKeys.sinkReplicas) ?? first.replicas;
  const topic =
    props.string('KAFKA_TOPIC') ??
    `${configValue(config, ConfigKeys.outputTopicPrefix) ?? ''}${stmt.name.name}`;
  return {
    kind: stmt.sourceType,
    name: stmt.name.name,
    topic,
    ...resolved,
    columns,
    ...(query.windowed ? { windowing: query.windowed } : {}),
    ...(timestamp ? { timestamp } : {}),
    readOnly: false,
    ...(partitions !== undefined ? { partitions } : {}),
    ...(replicas !== undefined ? { replicas } : {}),
    ...(sql !== undefined ? { sql } : {}),
  };
}

/** The key format a sink inherits: the leftmost source's, unless that is NONE and a key now exists. */
function inheritKeyFormat(query: AnalyzedQuery, config: AnalyzerConfig): FormatInfo {
  const first = query.sources[0]!.source.keyFormat;
  if (first.format !== 'NONE' || query.keyColumns.length === 0) return first;
  const other = query.sources.map((s) => s.source.keyFormat).find((f) => f.format !== 'NONE');
  if (other) return other;
  return { format: defaultFormats(config).key ?? 'KAFKA' };
}

function sameFormatProps(props: WithProperties, side: 'KEY' | 'VALUE'): boolean {
  return !props.has(`${side}_FORMAT`) && !props.has('FORMAT') && !props.has(`${side}_DELIMITER`);
}

/** Keeps the inherited delimiter; schema ids and names belong to the source's own subjects. */
function inherit(resolved: FormatInfo, source: FormatInfo): FormatInfo {
  if (resolved.format !== source.format) return resolved;
  return {
    ...resolved,
    ...(source.delimiter !== undefined && resolved.delimiter === undefined
      ? { delimiter: source.delimiter }
      : {}),
  };
}

function wrapSingle(
  props: WithProperties,
  config: AnalyzerConfig,
  format: FormatInfo,
  valueCount: number,
): boolean | undefined {
  const explicit = props.boolean('WRAP_SINGLE_VALUE');
  const configured = configValue(config, ConfigKeys.wrapSingleValues);
  const wrap =
    explicit ?? (configured === undefined ? undefined : configured.toLowerCase() === 'true');
  if (wrap === undefined) return undefined;
  if (explicit !== undefined) {
    if (format.format === 'KAFKA' && wrap) {
      fail(
        AnalysisErrorCodes.invalidProperty,
        "Format 'KAFKA' does not support 'WRAP_SINGLE_VALUE' set to 'true'.",
        props.spanOf('WRAP_SINGLE_VALUE'),
      );
    }
    if (!wrap && valueCount > 1) {
      fail(
        AnalysisErrorCodes.invalidProperty,
        "'WRAP_SINGLE_VALUE' is only valid for single-field value schemas",
        props.spanOf('WRAP_SINGLE_VALUE'),
      );
    }
  }
  return valueCount === 1 && format.format !== 'KAFKA' && format.format !== 'DELIMITED'
    ? wrap
    : undefined;
}

function numberConfig(config: AnalyzerConfig, key: string): number | undefined {
  const text = configValue(config, key);
  return text === undefined ? undefined : Number(text);
}
