import { keyColumns } from '../../../sql';
import { type InsertValues } from '../core/sql-ast';
import { builtinFunctions, compileExpression, type Value } from '../../../topology';
import type { Expression } from '../../../topology/spec';
import type { KsqlEntity } from '../engine-port';
import type { StatementRun } from '../core/engine-internals';
import { rejected } from '../core/statement-errors';
import { expectCompiled } from '../core/statement-compiler';
import { formatSpecOf } from './format-spec';

/**
 * INSERT INTO ... VALUES: compiles the row against the target's schema, evaluates the literal
 * expressions, serialises key and value with the target's formats (AVRO registers the schema)
 * and produces one record. Not logged: it writes data, not catalog state.
 */
export async function executeInsertValues(run: StatementRun<InsertValues>): Promise<KsqlEntity | undefined> {
  const { statement, engine, session, text } = run;
  const compiled = expectCompiled(engine.compiler(statement, engine.compileContext(session, text)), 'InsertValues');
  const target = compiled.target;
  const config = session.properties();
  const given = new Map(compiled.values.map((v) => [v.column, evaluate(v.expression, config)]));
  const keys = keyColumns(target.columns);
  const values = target.columns.filter((c) => c.namespace === 'VALUE');
  const topic = engine.topicNames.toPhysical(target.topic);
  const keySerde = engine.serdes.create({
    topic,
    isKey: true,
    format: formatSpecOf(target.keyFormat),
    columns: keys.map((c) => ({ name: c.name, type: c.type })),
  });
  const valueSerde = engine.serdes.create({
    topic,
    isKey: false,
    format: formatSpecOf(target.valueFormat),
    columns: values.map((c) => ({ name: c.name, type: c.type })),
  });
  const key = await keySerde.serialize(keys.map((c) => given.get(c.name) ?? null));
  const value = await valueSerde.serialize(values.map((c) => given.get(c.name) ?? null));
  const rowtime = given.get('ROWTIME');
  const timestamp = rowtime === null || rowtime === undefined ? engine.clock.now() : Number(rowtime);
  await engine.records.produce([{ topic: target.topic, key, value, timestamp }]);
  return undefined;
}

function evaluate(expression: Expression, config: Readonly<Record<string, string>>): Value {
  let failure: Error | undefined;
  const evaluator = compileExpression(expression, {
    schema: { key: [], value: [] },
    functions: builtinFunctions,
    config,
    onError: (error) => {
      failure = error;
    },
  });
  const value = evaluator({ key: [], value: [], timestamp: 0, topic: '', partition: 0, offset: 0, window: null });
  if (failure) throw rejected(`Failed to insert values: ${failure.message}`);
  return value;
}
