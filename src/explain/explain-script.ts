import {
  compileScript,
  formatLogicalPlan,
  formatSchema,
  isSqlError,
  type AnalyzerConfig,
  type CompiledScriptStatement,
  type CompiledStatement,
  type SourceDefinition,
} from '../../sql';
import { describeTopology } from '../../topology/spec';

export interface ExplainResult {
  /** The plans and topologies of the statements that compiled. */
  readonly output: string;
  /** `file:line:col: message`, the source line and a caret, when a statement is rejected. */
  readonly error?: string;
}

export interface ExplainOptions {
  readonly config?: AnalyzerConfig;
  readonly fileName?: string;
}

/**
 * `brook explain`: parses, analyses and plans a script offline (its DDL defines the catalog)
 * and describes every statement: catalog changes, and for queries the logical plan plus the
 * Kafka Streams-style topology. Stops at the first rejected statement.
 */
export function explainScript(script: string, options: ExplainOptions = {}): ExplainResult {
  const fileName = options.fileName ?? '<input>';
  const sections: string[] = [];
  try {
    const compiled = compileScript(script, {
      ...(options.config ? { config: options.config } : {}),
      onCompiled: (s) => sections.push(describeStatement(s)),
    });
    void compiled;
    return { output: sections.join('\n') };
  } catch (error) {
    if (!isSqlError(error)) throw error;
    return { output: sections.join('\n'), error: error.render(script, fileName) };
  }
}

function describeStatement(s: CompiledScriptStatement): string {
  const { line } = s.parsed.span.start;
  const head = `-- line ${line}: ${firstLine(s.parsed.rawText)}`;
  return `${head}\n${describeCompiled(s.compiled)}`;
}

function firstLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 97)}...` : flat;
}

function describeSource(source: SourceDefinition): string {
  const window = source.windowing
    ? `, windowed ${source.windowing.type}${source.windowing.sizeMs !== undefined ? ` ${source.windowing.sizeMs} ms` : ''}`
    : '';
  return [
    `${source.kind} ${source.name} (${formatSchema(source.columns, source.kind)})`,
    `  topic ${source.topic}, key ${source.keyFormat.format}, value ${source.valueFormat.format}${window}${source.timestamp ? `, timestamp ${source.timestamp.column}` : ''}`,
  ].join('\n');
}

function describeCompiled(c: CompiledStatement): string {
  switch (c.kind) {
    case 'CreateSource':
      return `${c.replace ? 'Replaces' : 'Creates'} ${describeSource(c.source)}\n`;
    case 'AlterSource':
      return `Alters ${describeSource(c.source)}\n`;
    case 'DropSource':
      return `Drops ${c.sourceType} ${c.name}${c.deleteTopic ? ` and deletes topic ${c.topic}` : ''}\n`;
    case 'CreateType':
      return `Registers type ${c.name}\n`;
    case 'DropType':
      return `Drops type ${c.name}\n`;
    case 'PersistentQuery':
      return [
        `Query ${c.query.queryId} (${c.statementType}) writes ${describeSource(c.sink)}`,
        'Logical plan:',
        formatLogicalPlan(c.query.plan),
        describeTopology(c.query.topology),
      ].join('\n');
    case 'TransientQuery':
      return [
        `Transient ${c.pull ? 'pull' : 'push'} query ${c.query.queryId} returns (${c.columns.map((col) => col.name).join(', ')})`,
        'Logical plan:',
        formatLogicalPlan(c.query.plan),
        describeTopology(c.query.topology),
      ].join('\n');
    case 'InsertValues':
      return `Inserts one row into ${c.target.name} (${c.values.map((v) => v.column).join(', ')})\n`;
    case 'Explain':
      return `EXPLAIN (nothing runs):\n${c.text}`;
    case 'NoOp':
      return `No change: ${c.reason}\n`;
    case 'Passthrough':
      return `Executed by the server: ${c.statement.kind}\n`;
  }
}
