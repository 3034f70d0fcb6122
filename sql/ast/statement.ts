import type {
  AssertSchema,
  AssertTopic,
  DefineVariable,
  DescribeConnector,
  DescribeFunction,
  DescribeSource,
  DescribeSources,
  Explain,
  PauseQuery,
  Print,
  ResumeQuery,
  RunScript,
  SetProperty,
  Show,
  TerminateQuery,
  UndefineVariable,
  UnsetProperty,
} from './admin-statements';
import type {
  AlterSource,
  CreateAsSelect,
  CreateConnector,
  CreateSource,
  CreateType,
  DropConnector,
  DropSource,
  DropType,
} from './ddl-statements';
import type { InsertInto, InsertValues } from './dml-statements';
import type { Query } from './query';

export type Statement =
  | CreateSource
  | CreateAsSelect
  | DropSource
  | AlterSource
  | CreateType
  | DropType
  | CreateConnector
  | DropConnector
  | InsertInto
  | InsertValues
  | Query
  | TerminateQuery
  | PauseQuery
  | ResumeQuery
  | Show
  | DescribeSource
  | DescribeSources
  | DescribeFunction
  | DescribeConnector
  | Explain
  | Print
  | DefineVariable
  | UndefineVariable
  | SetProperty
  | UnsetProperty
  | RunScript
  | AssertTopic
  | AssertSchema;

export type StatementKind = Statement['kind'];
