import type { ColumnDefinition, Identifier, Statement, StatementKind } from '../ast';
import { printExpression } from './print-expression';
import {
  printDuration,
  printIdentifier,
  printPropertyList,
  printString,
  printTopicName,
  printWith,
} from './print-names';
import { type PrintOptions, printQuery } from './print-query';
import { printType } from './print-type';

type Printers = {
  readonly [K in StatementKind]: (
    statement: Extract<Statement, { kind: K }>,
    options: PrintOptions,
  ) => string;
};

/** Before a nested query: a space, or a line break when pretty. */
const queryBreak = (options: PrintOptions): string => (options.pretty === true ? '\n' : ' ');

const flag = (on: boolean, text: string): string => (on ? text : '');
const queryTarget = (s: { readonly queryId?: Identifier }): string =>
  s.queryId === undefined ? 'ALL' : printIdentifier(s.queryId);

function printColumn(column: ColumnDefinition): string {
  const base = `${printIdentifier(column.name)} ${printType(column.type)}`;
  switch (column.constraint) {
    case 'NONE':
      return base;
    case 'HEADER':
      return `${base} HEADER(${printString(column.headerKey ?? '')})`;
    default:
      return `${base} ${column.constraint}`;
  }
}

const printers: Printers = {
  CreateSource: (s) => {
    const head = `CREATE ${flag(s.orReplace, 'OR REPLACE ')}${flag(s.isSource, 'SOURCE ')}${s.sourceType} `;
    const columns = s.columns.length === 0 ? '' : ` (${s.columns.map(printColumn).join(', ')})`;
    return `${head}${flag(s.ifNotExists, 'IF NOT EXISTS ')}${printIdentifier(s.name)}${columns}${printWith(s.properties)}`;
  },
  CreateAsSelect: (s, o) => {
    const head = `CREATE ${flag(s.orReplace, 'OR REPLACE ')}${s.sourceType} ${flag(s.ifNotExists, 'IF NOT EXISTS ')}`;
    return `${head}${printIdentifier(s.name)}${printWith(s.properties)} AS${queryBreak(o)}${printQuery(s.query, o)}`;
  },
  DropSource: (s) =>
    `DROP ${s.sourceType} ${flag(s.ifExists, 'IF EXISTS ')}${printIdentifier(s.name)}${flag(s.deleteTopic, ' DELETE TOPIC')}`,
  AlterSource: (s) =>
    `ALTER ${s.sourceType} ${printIdentifier(s.name)} ${s.addColumns.map((c) => `ADD COLUMN ${printColumn(c)}`).join(', ')}`,
  CreateType: (s) =>
    `CREATE TYPE ${flag(s.ifNotExists, 'IF NOT EXISTS ')}${printIdentifier(s.name)} AS ${printType(s.type)}`,
  DropType: (s) => `DROP TYPE ${flag(s.ifExists, 'IF EXISTS ')}${printIdentifier(s.name)}`,
  CreateConnector: (s) =>
    `CREATE ${s.connectorType} CONNECTOR ${flag(s.ifNotExists, 'IF NOT EXISTS ')}${printIdentifier(s.name)} WITH ${printPropertyList(s.properties)}`,
  DropConnector: (s) =>
    `DROP CONNECTOR ${flag(s.ifExists, 'IF EXISTS ')}${printIdentifier(s.name)}`,
  InsertInto: (s, o) =>
    `INSERT INTO ${printIdentifier(s.target)}${printWith(s.properties)}${queryBreak(o)}${printQuery(s.query, o)}`,
  InsertValues: (s) => {
    const columns =
      s.columns === undefined ? '' : ` (${s.columns.map(printIdentifier).join(', ')})`;
    return `INSERT INTO ${printIdentifier(s.target)}${columns} VALUES (${s.values.map((v) => printExpression(v)).join(', ')})`;
  },
  Query: (s, o) => printQuery(s, o),
  TerminateQuery: (s) => `TERMINATE ${queryTarget(s)}`,
  PauseQuery: (s) => `PAUSE ${queryTarget(s)}`,
  ResumeQuery: (s) => `RESUME ${queryTarget(s)}`,
  Show: (s) => {
    const prefix = s.connectorType === undefined ? '' : `${s.connectorType} `;
    return `SHOW ${flag(s.all, 'ALL ')}${prefix}${s.subject}${flag(s.extended, ' EXTENDED')}`;
  },
  DescribeSource: (s) => `DESCRIBE ${flag(s.extended, 'EXTENDED ')}${printIdentifier(s.name)}`,
  DescribeSources: (s) => `DESCRIBE ${s.subject}${flag(s.extended, ' EXTENDED')}`,
  DescribeFunction: (s) => `DESCRIBE FUNCTION ${printIdentifier(s.name)}`,
  DescribeConnector: (s) => `DESCRIBE CONNECTOR ${printIdentifier(s.name)}`,
  Explain: (s, o) =>
    `EXPLAIN ${s.statement === undefined ? queryTarget(s) : printStatement(s.statement, o)}`,
  Print: (s) => {
    const interval = s.interval === undefined ? '' : ` INTERVAL ${s.interval}`;
    const limit = s.limit === undefined ? '' : ` LIMIT ${s.limit}`;
    return `PRINT ${printTopicName(s.topic)}${flag(s.fromBeginning, ' FROM BEGINNING')}${interval}${limit}`;
  },
  DefineVariable: (s) => `DEFINE ${printIdentifier(s.name)} = ${printString(s.value)}`,
  UndefineVariable: (s) => `UNDEFINE ${printIdentifier(s.name)}`,
  SetProperty: (s) => `SET ${printString(s.name)} = ${printString(s.value)}`,
  UnsetProperty: (s) => `UNSET ${printString(s.name)}`,
  RunScript: (s) => `RUN SCRIPT ${printString(s.path)}`,
  AssertTopic: (s) => {
    const timeout = s.timeout === undefined ? '' : ` TIMEOUT ${printDuration(s.timeout)}`;
    return `ASSERT ${flag(!s.exists, 'NOT EXISTS ')}TOPIC ${printTopicName(s.topic)}${printWith(s.properties)}${timeout}`;
  },
  AssertSchema: (s) => {
    const subject = s.subject === undefined ? '' : ` SUBJECT ${printTopicName(s.subject)}`;
    const id = s.id === undefined ? '' : ` ID ${s.id}`;
    const timeout = s.timeout === undefined ? '' : ` TIMEOUT ${printDuration(s.timeout)}`;
    return `ASSERT ${flag(!s.exists, 'NOT EXISTS ')}SCHEMA${subject}${id}${timeout}`;
  },
};

/** Canonical SQL for a statement, without the terminating semicolon. */
export function printStatement(statement: Statement, options: PrintOptions = {}): string {
  const print = printers[statement.kind] as (s: Statement, o: PrintOptions) => string;
  return print(statement, options);
}

/** A script: each statement terminated by `;` and a line break. */
export function printStatements(
  statements: readonly Statement[],
  options: PrintOptions = {},
): string {
  return statements.map((s) => `${printStatement(s, options)};\n`).join('');
}
