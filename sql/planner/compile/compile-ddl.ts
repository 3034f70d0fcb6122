import type { AlterSource, CreateType, DropSource, DropType } from '../../ast';
import { AnalysisErrorCodes, fail } from '../../analyzer/analysis-error';
import { validateFormatColumns } from '../../analyzer/format-rules';
import { resolveType } from '../../analyzer/resolve-type';
import type { Column } from '../../catalog';
import type { CompileContext } from './compile-context';
import type { CompiledStatement } from './compiled-statement';

const title = (kind: string): string => kind.charAt(0) + kind.slice(1).toLowerCase();

export function compileDropSource(stmt: DropSource, ctx: CompileContext): CompiledStatement {
  const name = stmt.name.name;
  const source = ctx.catalog.getSource(name);
  if (!source) {
    if (stmt.ifExists)
      return { kind: 'NoOp', reason: `${title(stmt.sourceType)} ${name} does not exist` };
    fail(
      AnalysisErrorCodes.unknownSource,
      `${title(stmt.sourceType)} ${name} does not exist.`,
      stmt.name.span,
    );
  }
  if (source.kind !== stmt.sourceType) {
    fail(
      AnalysisErrorCodes.wrongSourceType,
      `Incompatible data source type is ${source.kind}, but statement was DROP ${stmt.sourceType}`,
      stmt.span,
    );
  }
  if (stmt.deleteTopic && source.readOnly) {
    fail(
      AnalysisErrorCodes.readOnlySource,
      `Cannot delete topic for read-only source: ${name}`,
      stmt.span,
    );
  }
  return {
    kind: 'DropSource',
    name,
    sourceType: source.kind,
    deleteTopic: stmt.deleteTopic,
    topic: source.topic,
  };
}

export function compileAlterSource(stmt: AlterSource, ctx: CompileContext): CompiledStatement {
  const name = stmt.name.name;
  const what = stmt.sourceType.toLowerCase();
  const source = ctx.catalog.getSource(name);
  if (!source)
    fail(AnalysisErrorCodes.unknownSource, `Source ${name} does not exist.`, stmt.name.span);
  if (source.kind !== stmt.sourceType) {
    fail(
      AnalysisErrorCodes.wrongSourceType,
      `Incompatible data source type is ${source.kind}, but statement was ALTER ${stmt.sourceType}`,
      stmt.span,
    );
  }
  if (source.readOnly) {
    fail(
      AnalysisErrorCodes.readOnlySource,
      `Cannot alter ${what} '${name}': ALTER operations are not supported on source ${what}s.`,
      stmt.span,
    );
  }
  if (source.writerQueryId) {
    fail(
      AnalysisErrorCodes.unsupported,
      `ALTER command is not supported for CREATE ... AS statements.`,
      stmt.span,
    );
  }
  const added: Column[] = stmt.addColumns.map((def) => {
    if (def.constraint !== 'NONE')
      fail(AnalysisErrorCodes.keyRule, 'ALTER can only add value columns.', def.span);
    if (source.columns.some((c) => c.name === def.name.name)) {
      fail(
        AnalysisErrorCodes.duplicateColumn,
        `Cannot add column \`${def.name.name}\` to schema. A column with the same name already exists.`,
        def.name.span,
      );
    }
    return { name: def.name.name, type: resolveType(def.type, ctx.catalog), namespace: 'VALUE' };
  });
  const columns = [...source.columns, ...added];
  validateFormatColumns(source, columns, stmt.span);
  return { kind: 'AlterSource', source: { ...source, columns } };
}

export function compileCreateType(stmt: CreateType, ctx: CompileContext): CompiledStatement {
  const name = stmt.name.name;
  if (ctx.catalog.getType(name)) {
    if (stmt.ifNotExists) return { kind: 'NoOp', reason: `Type ${name} already exists` };
    fail(
      AnalysisErrorCodes.sourceExists,
      `Cannot register custom type '${name}' since it is already registered with type: ${name}`,
      stmt.name.span,
    );
  }
  return { kind: 'CreateType', name, type: resolveType(stmt.type, ctx.catalog) };
}

export function compileDropType(stmt: DropType, ctx: CompileContext): CompiledStatement {
  const name = stmt.name.name;
  if (!ctx.catalog.getType(name)) {
    if (stmt.ifExists) return { kind: 'NoOp', reason: `Type ${name} does not exist` };
    fail(AnalysisErrorCodes.unknownType, `Type ${name} does not exist.`, stmt.name.span);
  }
  return { kind: 'DropType', name };
}
