import { assertNever, type Statement } from '../../ast';
import { analyzeCreateSource } from '../../analyzer/create-source-analysis';
import { noSchemaInference } from '../../catalog';
import {
  compileAlterSource,
  compileCreateType,
  compileDropSource,
  compileDropType,
} from './compile-ddl';
import type { CompileContext } from './compile-context';
import { compileInsertValues } from './compile-insert-values';
import { compileCreateAsSelect, compileInsertInto, compileTransient } from './compile-query';
import type { CompiledStatement } from './compiled-statement';
import { describeTopology } from '../../../topology/spec';
import { formatLogicalPlan } from '../explain/format-plan';

/** EXPLAIN text of a compiled statement: plan and topology for queries. */
export function explainText(compiled: CompiledStatement): string {
  if (compiled.kind !== 'PersistentQuery' && compiled.kind !== 'TransientQuery')
    return `${compiled.kind}\n`;
  return `Query ${compiled.query.queryId}\n${formatLogicalPlan(compiled.query.plan)}\n${describeTopology(compiled.query.topology)}`;
}

/**
 * Analyses and plans one parsed statement against the catalog. Pure: it never changes the
 * catalog; apply the result with `applyToCatalog` (or the engine's own command handling).
 * Throws a SqlError (an AnalysisError) for a statement ksqlDB would reject.
 */
export function compileStatement(statement: Statement, ctx: CompileContext): CompiledStatement {
  switch (statement.kind) {
    case 'CreateSource': {
      const outcome = analyzeCreateSource(
        statement,
        ctx.catalog,
        ctx.config,
        ctx.schemaInference ?? noSchemaInference,
        ctx.sql,
      );
      return outcome.kind === 'exists'
        ? { kind: 'NoOp', reason: `${outcome.source.kind} ${outcome.source.name} already exists` }
        : { kind: 'CreateSource', source: outcome.source, replace: outcome.replace };
    }
    case 'CreateAsSelect':
      return compileCreateAsSelect(statement, ctx);
    case 'InsertInto':
      return compileInsertInto(statement, ctx);
    case 'InsertValues':
      return compileInsertValues(statement, ctx);
    case 'Query':
      return compileTransient(statement, ctx);
    case 'DropSource':
      return compileDropSource(statement, ctx);
    case 'AlterSource':
      return compileAlterSource(statement, ctx);
    case 'CreateType':
      return compileCreateType(statement, ctx);
    case 'DropType':
      return compileDropType(statement, ctx);
    case 'Explain': {
      if (!statement.statement) return { kind: 'Passthrough', statement };
      const explained = compileStatement(statement.statement, ctx);
      return { kind: 'Explain', explained, text: explainText(explained) };
    }
    case 'CreateConnector':
    case 'DropConnector':
    case 'TerminateQuery':
    case 'PauseQuery':
    case 'ResumeQuery':
    case 'Show':
    case 'DescribeSource':
    case 'DescribeSources':
    case 'DescribeFunction':
    case 'DescribeConnector':
    case 'Print':
    case 'DefineVariable':
    case 'UndefineVariable':
    case 'SetProperty':
    case 'UnsetProperty':
    case 'RunScript':
    case 'AssertTopic':
    case 'AssertSchema':
      return { kind: 'Passthrough', statement };
    default:
      return assertNever(statement, 'statement');
  }
}
