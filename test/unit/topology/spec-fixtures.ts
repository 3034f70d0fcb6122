import {
  SqlTypes,
  type Column,
  type Expression,
  type FormatSpec,
  type FunctionCall,
  type SinkSpec,
  type SourceSpec,
  type SqlType,
  type Step,
  type StoreSpec,
  type TopologySpec,
} from '../../../topology/spec';
import { BrookSerdeFactory } from '../../../topology/serdes';
import { TopologyTestDriver, type DecodedRecord } from '../../../topology/driver';

/** Hand-built specs for runtime tests (the SQL planner is tested on its own). */
export const T = SqlTypes;
export const KAFKA: FormatSpec = { format: 'KAFKA', properties: {} };
export const JSON_FORMAT: FormatSpec = { format: 'JSON', properties: {} };

export const col = (name: string, type: SqlType): Column => ({ name, type });
export const ref = (name: string, type: SqlType): Expression => ({ kind: 'ColumnRef', name, type });
export const lit = (value: boolean | number | string | null, type: SqlType): Expression => ({
  kind: 'Literal',
  value,
  type,
});
export const call = (name: string, args: Expression[], type: SqlType): FunctionCall => ({
  kind: 'FunctionCall',
  name,
  args,
  argTypes: args.map((a) => a.type),
  type,
});
export const cmp = (
  op: '=' | '<>' | '<' | '<=' | '>' | '>=',
  left: Expression,
  right: Expression,
): Expression => ({
  kind: 'Comparison',
  op,
  left,
  right,
  type: T.boolean,
});

export function source(
  name: string,
  topic: string,
  key: Column[],
  value: Column[],
  type: 'STREAM' | 'TABLE' = 'STREAM',
  extra: Partial<SourceSpec> = {},
): SourceSpec {
  return {
    name,
    type,
    topic,
    keyFormat: KAFKA,
    valueFormat: JSON_FORMAT,
    keyColumns: key,
    valueColumns: value,
    timestamp: null,
    window: null,
    ...extra,
  };
}

export function sink(
  key: Column[],
  value: Column[],
  type: 'STREAM' | 'TABLE' = 'STREAM',
  extra: Partial<SinkSpec> = {},
): SinkSpec {
  return source('OUTPUT', 'OUTPUT', key, value, type, extra);
}

/** A key-value store with no changelog topic. */
export const kv = (name: string): StoreSpec => ({ name, kind: 'keyValue', changelogTopic: null });

/** A StreamSource step: reads catalog source `sourceName`, holds no store. */
export const streamSourceStep = (
  id: string,
  sourceName: string,
  key: Column[],
  value: Column[],
): Step => ({ kind: 'StreamSource', id, sourceName, schema: { key, value }, stores: [] });

/** A TableSource step: reads catalog source `sourceName`, materialised in key-value `store`. */
export const tableSourceStep = (
  id: string,
  sourceName: string,
  key: Column[],
  value: Column[],
  store: string,
): Step => ({ kind: 'TableSource', id, sourceName, schema: { key, value }, stores: [kv(store)] });

/** A StreamSink step `Sink` writing the rows of step `source`. */
export const streamSinkStep = (source: string, key: Column[], value: Column[]): Step => ({
  kind: 'StreamSink',
  id: 'Sink',
  source,
  schema: { key, value },
  stores: [],
});

/** A TableSink step `Sink` writing the changes of step `source`. */
export const tableSinkStep = (source: string, key: Column[], value: Column[]): Step => ({
  kind: 'TableSink',
  id: 'Sink',
  source,
  schema: { key, value },
  stores: [],
});

export function spec(
  queryId: string,
  sources: SourceSpec[],
  outSink: SinkSpec,
  steps: Step[],
): TopologySpec {
  return {
    version: 1,
    queryId,
    applicationId: `_brook-test-query_${queryId}`,
    sources,
    sink: outSink,
    internalTopics: [],
    steps,
    config: {},
  };
}

export function driver(
  s: TopologySpec,
  outerJoinEmitIntervalMs?: number,
): Promise<TopologyTestDriver> {
  return TopologyTestDriver.create(s, { serdes: new BrookSerdeFactory(), outerJoinEmitIntervalMs });
}

/** Output rows in a compact, comparable form. */
export function compact(records: DecodedRecord[]): unknown[] {
  return records.map((r) => ({
    key: r.key?.length === 1 ? r.key[0] : r.key,
    value: r.value === null ? null : r.value.length === 1 ? r.value[0] : r.value,
    ts: r.timestamp,
    ...(r.window ? { window: [r.window.start, r.window.end] } : {}),
  }));
}
