import { type DefineVariable, type RunScript, type SetProperty, type UndefineVariable, type UnsetProperty } from '../core/sql-ast';
import type { KsqlEntity } from '../engine-port';
import type { StatementRun } from '../core/engine-internals';
import { rejected } from '../core/statement-errors';

/** SET / UNSET / DEFINE / UNDEFINE: change the rest of the script; no result entity. */
export function executeSessionStatement(
  run: StatementRun<SetProperty | UnsetProperty | DefineVariable | UndefineVariable>,
): KsqlEntity | undefined {
  const { statement, session, text } = run;
  switch (statement.kind) {
    case 'SetProperty':
      session.set(statement.name, statement.value);
      return undefined;
    case 'UnsetProperty':
      session.unset(statement.name);
      return undefined;
    case 'DefineVariable':
      session.define(statement.name.text, statement.value);
      return undefined;
    case 'UndefineVariable':
      if (!session.undefine(statement.name.text)) {
        return { statementText: text, warnings: [], '@type': 'warning_entity', message: `Cannot undefine variable '${statement.name.text}' which was never defined` };
      }
      return undefined;
  }
}

/** RUN SCRIPT 'file': the file's statements run as part of this script, with its session. */
export async function executeRunScript(run: StatementRun<RunScript>): Promise<readonly KsqlEntity[]> {
  const { statement, engine, session } = run;
  if (!engine.readScript) throw rejected('RUN SCRIPT is not available on this server');
  const script = await engine.readScript(statement.path);
  return engine.executeScript(script, {
    streamsProperties: session.properties(),
    sessionVariables: Object.fromEntries(session.variableMap()),
  });
}
