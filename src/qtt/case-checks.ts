import type { SourceDefinition } from '../../sql';
import type { SerdeFactory } from '../../topology';
import type { TopologySpec } from '../../topology/spec';
import type { EnginePort } from '../engine/engine-port';
import { type CaseResult, failed } from './case-result';
import { compareTopic } from './compare-records';
import {
  decodeRecords,
  type SchemaById,
  type StoredRecord,
  sinkShape,
  topicSchema,
  withWriterSchema,
} from './output-records';
import type { QttCase, QttRecord } from './qtt-case';
import type { StatementOutcome } from './statements';

/** Executes the statements one at a time, stopping at the first rejection. */
export async function executeStatements(
  engine: Pick<EnginePort, 'execute'>,
  c: QttCase,
): Promise<StatementOutcome> {
  for (const [index, text] of c.statements.entries()) {
    try {
      await engine.execute(text, { streamsProperties: {}, sessionVariables: {} });
    } catch (error) {
      return {
        kind: 'rejected',
        index,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }
  return { kind: 'accepted' };
}

/**
 * Compares every topic named in `outputs` with what was written to it, in order and with the
 * exact count (QTT section 3.6); topics not named are not checked. Null when all match.
 */
export async function compareOutputs(
  c: QttCase,
  read: (topic: string) => Promise<StoredRecord[]>,
  queries: readonly TopologySpec[],
  sources: readonly SourceDefinition[],
  codecs: { readonly serdes: SerdeFactory; readonly registry: SchemaById },
  exactNumbers: boolean,
): Promise<CaseResult | null> {
  const byTopic = new Map<string, QttRecord[]>();
  for (const r of c.outputs) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r]);
  for (const [topic, expected] of byTopic) {
    const declared = topicSchema(topic, queries, sources);
    if (!declared)
      return failed(c.file, c.name, 'error', `no query or source writes topic ${topic}`);
    let schema;
    let actual;
    try {
      schema = await withWriterSchema(declared, codecs.registry);
      actual = await decodeRecords(topic, await read(topic), schema, codecs.serdes);
    } catch (error) {
      return failed(
        c.file,
        c.name,
        'wrong rows',
        error instanceof Error ? error.message : String(error),
      );
    }
    const mismatch = compareTopic(topic, expected, actual, sinkShape(schema), {
      anyTimestampForZero: c.inputs.length === 0,
      exactDecimals: exactNumbers,
    });
    if (mismatch !== null) return failed(c.file, c.name, mismatch.class, mismatch.message);
  }
  return null;
}
