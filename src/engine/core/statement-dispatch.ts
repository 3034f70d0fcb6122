import { type Statement } from '../../../sql';
import { assertNever } from '../../../topology/spec';
import { EngineError, ErrorCodes, type KsqlEntity } from '../engine-port';
import { executeAssertSchema, executeAssertTopic } from '../executors/assert-executor';
import { executeCreateConnector, executeDescribeConnector, executeDropConnector } from '../executors/connector-executor';
import {
  executeAlterSource,
  executeCreateSource,
  executeDropSource,
  executePersistentQuery,
  executeQueryControl,
  executeTypeStatement,
} from '../executors/ddl-executor';
import {
  executeDescribeFunction,
  executeDescribeSource,
  executeDescribeSources,
  executeExplain,
} from '../executors/describe-executor';
import { executeInsertValues } from '../executors/insert-values-executor';
import { executeRunScript, executeSessionStatement } from '../executors/session-executor';
import { executeShow } from '../executors/show-executor';
import type { StatementRun } from './engine-internals';

/** Runs one non-query statement; returns its result entities (none for SET, DEFINE, ...). */
export async function dispatchStatement(run: StatementRun): Promise<readonly KsqlEntity[]> {
  const one = (entity: KsqlEntity | undefined): readonly KsqlEntity[] => (entity === undefined ? [] : [entity]);
  const statement: Statement = run.statement;
  const as = <S extends Statement>(s: S): StatementRun<S> => ({ ...run, statement: s });
  switch (statement.kind) {
    case 'CreateSource':
      return one(await executeCreateSource(as(statement)));
    case 'CreateAsSelect':
    case 'InsertInto':
      return one(await executePersistentQuery(as(statement)));
    case 'DropSource':
      return one(await executeDropSource(as(statement)));
    case 'CreateType':
    case 'DropType':
      return one(await executeTypeStatement(as(statement)));
    case 'TerminateQuery':
    case 'PauseQuery':
    case 'ResumeQuery':
      return one(await executeQueryControl(as(statement)));
    case 'InsertValues':
      return one(await executeInsertValues(as(statement)));
    case 'CreateConnector':
      return one(await executeCreateConnector(as(statement)));
    case 'DropConnector':
      return one(await executeDropConnector(as(statement)));
    case 'DescribeConnector':
      return one(await executeDescribeConnector(as(statement)));
    case 'Show':
      return one(await executeShow(as(statement)));
    case 'DescribeSource':
      return one(await executeDescribeSource(as(statement)));
    case 'DescribeSources':
      return executeDescribeSources(as(statement));
    case 'DescribeFunction':
      return one(executeDescribeFunction(as(statement)));
    case 'Explain':
      return one(executeExplain(as(statement)));
    case 'SetProperty':
    case 'UnsetProperty':
    case 'DefineVariable':
    case 'UndefineVariable':
      return one(executeSessionStatement(as(statement)));
    case 'RunScript':
      return executeRunScript(as(statement));
    case 'AssertTopic':
      return one(await executeAssertTopic(as(statement)));
    case 'AssertSchema':
      return one(await executeAssertSchema(as(statement)));
    case 'AlterSource':
      return one(await executeAlterSource(as(statement)));
    case 'Query':
    case 'Print':
      throw new EngineError(
        ErrorCodes.queryEndpoint,
        "The following statement types should be issued to the websocket endpoint '/query': PRINT, SELECT",
      );
    default:
      return assertNever(statement);
  }
}
