import type { Statement } from '../../../sql';

/**
 * The statement node types the engine executes, named after the AST's, derived from the
 * `Statement` union that `sql/index.ts` exports.
 */
type Node<K extends Statement['kind']> = Extract<Statement, { kind: K }>;

export type CreateSource = Node<'CreateSource'>;
export type CreateAsSelect = Node<'CreateAsSelect'>;
export type DropSource = Node<'DropSource'>;
export type AlterSource = Node<'AlterSource'>;
export type CreateType = Node<'CreateType'>;
export type DropType = Node<'DropType'>;
export type CreateConnector = Node<'CreateConnector'>;
export type DropConnector = Node<'DropConnector'>;
export type InsertInto = Node<'InsertInto'>;
export type InsertValues = Node<'InsertValues'>;
export type Query = Node<'Query'>;
export type TerminateQuery = Node<'TerminateQuery'>;
export type PauseQuery = Node<'PauseQuery'>;
export type ResumeQuery = Node<'ResumeQuery'>;
export type Show = Node<'Show'>;
export type DescribeSource = Node<'DescribeSource'>;
export type DescribeSources = Node<'DescribeSources'>;
export type DescribeFunction = Node<'DescribeFunction'>;
export type DescribeConnector = Node<'DescribeConnector'>;
export type Explain = Node<'Explain'>;
export type Print = Node<'Print'>;
export type DefineVariable = Node<'DefineVariable'>;
export type UndefineVariable = Node<'UndefineVariable'>;
export type SetProperty = Node<'SetProperty'>;
export type UnsetProperty = Node<'UnsetProperty'>;
export type RunScript = Node<'RunScript'>;
export type AssertTopic = Node<'AssertTopic'>;
export type AssertSchema = Node<'AssertSchema'>;
export type Property = CreateSource['properties'][number];
export type Duration = NonNullable<AssertTopic['timeout']>;

const MILLIS_PER_UNIT: Readonly<Record<Duration['unit'], number>> = {
  NANOSECONDS: 1e-6,
  MICROSECONDS: 1e-3,
  MILLISECONDS: 1,
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

export function durationMillis(duration: Duration): number {
  return Math.floor(duration.value * MILLIS_PER_UNIT[duration.unit]);
}

/** A WITH property's value as text (string literals unquoted). */
export function propertyText(value: Property['value']): string {
  switch (value.kind) {
    case 'StringLiteral':
      return value.value;
    case 'BooleanLiteral':
      return String(value.value);
    default:
      return value.text;
  }
}
