import {
  InMemoryCatalog,
  applyToCatalog,
  compileStatement,
  formatSchema,
  isSqlError,
  parseStatements,
  type CompiledStatement,
} from '../../../sql';
import { validateTopologySpec } from '../../../topology/spec';
import { topicInference, type QttCase } from './qtt-support';

export type CaseOutcome =
  | {
      readonly kind: 'accepted';
      readonly schemaMismatches: readonly string[];
      /** Problems `validateTopologySpec` found in the planned topologies. */
      readonly specProblems: readonly string[];
    }
  | {
      readonly kind: 'rejected';
      readonly index: number;
      readonly message: string;
      readonly code: string;
    };

/** Compiles a case's statements in order against a fresh catalog, as QTT's engine would. */
export function runQttCase(testCase: QttCase): CaseOutcome {
  const catalog = new InMemoryCatalog();
  const inference = topicInference(testCase.topics);
  const specProblems: string[] = [];
  for (const [index, text] of testCase.statements.entries()) {
    let compiled: CompiledStatement;
    try {
      const parsed = parseStatements(text);
      const statement = parsed[0]?.statement;
      if (!statement) continue;
      compiled = compileStatement(statement, {
        catalog,
        config: testCase.properties,
        queryCounter: index,
        schemaInference: inference,
        sql: text,
      });
    } catch (error) {
      if (!isSqlError(error)) {
        return {
          kind: 'rejected',
          index,
          code: 'CRASH',
          message:
            error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
        };
      }
      return { kind: 'rejected', index, code: error.code, message: error.message };
    }
    if (compiled.kind === 'PersistentQuery' || compiled.kind === 'TransientQuery') {
      specProblems.push(
        ...validateTopologySpec(compiled.query.topology).map(
          (p) => `${compiled.query.queryId}: ${p}`,
        ),
      );
    }
    applyToCatalog(catalog, compiled);
  }
  const schemaMismatches: string[] = [];
  for (const expected of testCase.postSources) {
    const source = catalog.getSource(expected.name);
    if (!source) {
      schemaMismatches.push(`${expected.name}: missing`);
      continue;
    }
    if (expected.type !== undefined && expected.type.toUpperCase() !== source.kind) {
      schemaMismatches.push(`${expected.name}: expected a ${expected.type}, got a ${source.kind}`);
    }
    if (expected.isSource !== undefined && expected.isSource !== source.readOnly) {
      schemaMismatches.push(
        `${expected.name}: isSource ${String(expected.isSource)}, got ${String(source.readOnly)}`,
      );
    }
    const keyFormat = expected.keyFormat;
    if (keyFormat?.format !== undefined && keyFormat.format !== source.keyFormat.format) {
      schemaMismatches.push(
        `${expected.name}: key format ${keyFormat.format}, got ${source.keyFormat.format}`,
      );
    }
    if (keyFormat?.windowType !== undefined && keyFormat.windowType !== source.windowing?.type) {
      schemaMismatches.push(
        `${expected.name}: window ${keyFormat.windowType}, got ${source.windowing?.type ?? 'none'}`,
      );
    }
    if (keyFormat?.windowSize !== undefined && keyFormat.windowSize !== source.windowing?.sizeMs) {
      schemaMismatches.push(
        `${expected.name}: window size ${keyFormat.windowSize}, got ${source.windowing?.sizeMs ?? 'none'}`,
      );
    }
    if (expected.schema !== undefined) {
      const actual = normaliseSchema(formatSchema(source.columns, source.kind));
      if (actual !== normaliseSchema(expected.schema))
        schemaMismatches.push(
          `${expected.name}: expected ${expected.schema} got ${formatSchema(source.columns, source.kind)}`,
        );
    }
  }
  return { kind: 'accepted', schemaMismatches, specProblems };
}

/** Type aliases and quoting normalised, so `INT` equals `INTEGER` and `` `A` `` equals `A`. */
export function normaliseSchema(schema: string): string {
  return schema
    .replace(/`/g, '')
    .replace(/\bPRIMARY KEY\b/g, 'KEY')
    .replace(/\bINT\b/g, 'INTEGER')
    .replace(/\bVARCHAR\b/g, 'STRING')
    .replace(/\s*,\s*/g, ', ')
    .replace(/\(\s*(\d+)\s*,\s*(\d+)\s*\)/g, '($1, $2)')
    .replace(/<\s+/g, '<')
    .replace(/\s+>/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether ksqlDB and we agree: positives accepted, negatives rejected at the last statement. */
export function agrees(testCase: QttCase, outcome: CaseOutcome): boolean {
  const runtimeFailure = testCase.expectedException?.type?.includes('StreamsException') ?? false;
  if (!testCase.expectedException || runtimeFailure) return outcome.kind === 'accepted';
  return outcome.kind === 'rejected' && outcome.index === testCase.statements.length - 1;
}
