import type { StreamSinkStep, TableSinkStep } from '../spec';
import type { StepBuilder, StepContext } from './processor';
import type { StreamRecord } from './stream-record';

/**
 * Writes to the query's sink topic through the sink's serdes: windowed keys in Kafka Streams'
 * layout, a null value as a Kafka null (tombstone), an all-NULL key as a Kafka null key. With a sink TIMESTAMP column the record
 * takes that column's value as its timestamp. A row that cannot be serialised is logged.
 */
function buildSink(ctx: StepContext): (record: StreamRecord) => Promise<void> {
  const sink = ctx.spec.sink;
  const window = sink.window
    ? { type: sink.window.type, sizeMs: sink.window.sizeMs ?? undefined }
    : undefined;
  const keySerde = ctx.serdes.create({
    topic: sink.topic,
    isKey: true,
    format: sink.keyFormat,
    columns: sink.keyColumns,
    window,
  });
  const valueSerde = ctx.serdes.create({
    topic: sink.topic,
    isKey: false,
    format: sink.valueFormat,
    columns: sink.valueColumns,
  });
  const tsIndex = sink.timestamp
    ? sink.valueColumns.findIndex((c) => c.name === sink.timestamp?.column)
    : -1;
  return async (record) => {
    let key: Buffer | null;
    let value: Buffer | null;
    try {
      const nullKey = !record.window && record.key.every((v) => v === null);
      key = nullKey ? null : await keySerde.serialize(record.key, record.window ?? undefined);
      value = await valueSerde.serialize(record.value);
    } catch (error) {
      ctx.report(
        'SERIALIZATION_ERROR',
        error instanceof Error ? error.message : String(error),
        record,
        'SERDE_ERROR',
      );
      return;
    }
    const column = tsIndex >= 0 ? (record.value?.[tsIndex] ?? null) : null;
    const timestamp = column === null ? record.timestamp : Number(column);
    ctx.emit({ topic: sink.topic, key, value, timestamp, headers: record.headers });
  };
}

export const buildStreamSink: StepBuilder<StreamSinkStep> = (_step, ctx) =>
  Promise.resolve({ inputs: [{ process: buildSink(ctx) }] });

export const buildTableSink: StepBuilder<TableSinkStep> = (step, ctx) =>
  Promise.resolve({ inputs: [{ process: buildSink(ctx) }], getter: ctx.getter(step.source) });
