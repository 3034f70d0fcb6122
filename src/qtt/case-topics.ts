import { parseStatement, type Statement } from '../../sql';
import type { QttCase } from './qtt-case';

/** QTT gives a topic it knows nothing else about 4 partitions. */
export const INFERRED_PARTITIONS = 4;

export interface KnownTopic {
  readonly name: string;
  readonly partitions: number;
  /** False when the count is QTT's default for inferred topics, not the case's. */
  readonly declared: boolean;
}

/**
 * The topics QTT's harness creates before the statements run: the `topics` entries, the
 * topic of every CREATE STREAM/TABLE that declares columns, and every input and output topic.
 */
export function knownTopics(c: QttCase): KnownTopic[] {
  const topics = new Map<string, KnownTopic>();
  const add = (name: string, partitions?: number): void => {
    if (!topics.has(name))
      topics.set(name, {
        name,
        partitions: partitions ?? INFERRED_PARTITIONS,
        declared: partitions !== undefined,
      });
  };
  for (const t of c.topics) add(t.name, t.partitions);
  for (const text of c.statements) {
    const topic = declaredTopic(text);
    if (topic !== undefined) add(topic.name, topic.partitions);
  }
  for (const r of [...c.inputs, ...c.outputs]) add(r.topic);
  return [...topics.values()];
}

type CreateSource = Extract<Statement, { kind: 'CreateSource' }>;

/** The topic of a `CREATE STREAM|TABLE` with a column list; undefined for anything else. */
function declaredTopic(text: string): { name: string; partitions?: number } | undefined {
  let statement: Statement;
  try {
    statement = parseStatement(text);
  } catch {
    return undefined;
  }
  if (statement.kind !== 'CreateSource' || statement.columns.length === 0) return undefined;
  const props = properties(statement);
  const name = props.get('KAFKA_TOPIC') ?? statement.name.name;
  const partitions = Number(props.get('PARTITIONS'));
  return Number.isInteger(partitions) && partitions > 0 ? { name, partitions } : { name };
}

function properties(statement: CreateSource): Map<string, string> {
  return new Map(
    statement.properties.map((p) => {
      const v = p.value;
      const text =
        v.kind === 'StringLiteral' || v.kind === 'BooleanLiteral' ? String(v.value) : v.text;
      return [p.key.toUpperCase(), text];
    }),
  );
}
