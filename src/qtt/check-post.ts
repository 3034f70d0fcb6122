import type { SourceDefinition } from '../../sql';
import { formatSqlType, sameSqlType, type TopologySpec } from '../../topology/spec';
import { isExactNumber } from './load-cases';
import { parsePostSchema } from './post-schema';
import type { QttJson } from './qtt-case';

/** What the post-conditions are checked against. */
export interface PostWorld {
  source(name: string): SourceDefinition | undefined;
  /** Partition count of a logical topic; undefined when it does not exist. */
  partitions(topic: string): Promise<number | undefined>;
  /** Every query the case started, terminated ones included. */
  readonly queries: readonly TopologySpec[];
}

type Obj = Readonly<Record<string, QttJson>>;

/**
 * Checks `post`: listed sources against the catalog (type, schema, formats, window, features,
 * isSource); `topics.blacklist` as "no internal topic of that name was planned" (QTT uses it
 * only for `.*-repartition`); listed user topics on formats and partitions. ksqlDB-internal
 * topics (`_confluent-ksql-...`) and exact registry schemas are ksqlDB implementation details
 * and are not checked. Returns the first problem, or null.
 */
export async function checkPost(
  post: QttJson | undefined,
  world: PostWorld,
): Promise<string | null> {
  if (!isObj(post)) return null;
  for (const expected of arrayOf(post.sources)) {
    const problem = checkSource(expected, world);
    if (problem !== null) return problem;
  }
  const topics = isObj(post.topics) ? post.topics : undefined;
  if (topics && typeof topics.blacklist === 'string') {
    const blacklist = new RegExp(`^(?:${topics.blacklist})$`);
    for (const spec of world.queries) {
      const hit = spec.internalTopics.find((t) => blacklist.test(t.name));
      if (hit)
        return `topic ${hit.name} of ${spec.queryId} matches the blacklist ${topics.blacklist}`;
    }
  }
  for (const expected of arrayOf(topics?.topics)) {
    const problem = await checkTopic(expected, world);
    if (problem !== null) return problem;
  }
  return null;
}

function checkSource(expected: Obj, world: PostWorld): string | null {
  const name = str(expected.name) ?? '';
  const source = world.source(name) ?? world.source(name.toUpperCase());
  if (!source) return `source ${name} does not exist`;
  const where = `source ${name}`;
  const type = str(expected.type);
  if (type !== undefined && type.toUpperCase() !== source.kind)
    return `${where}: expected a ${type}, got a ${source.kind.toLowerCase()}`;
  const schema = str(expected.schema);
  if (schema !== undefined) {
    const problem = compareSchema(schema, source);
    if (problem !== null) return `${where}: ${problem}`;
  }
  const keyFormat = expected.keyFormat;
  if (isObj(keyFormat)) {
    const format = str(keyFormat.format);
    if (format !== undefined && format.toUpperCase() !== source.keyFormat.format)
      return `${where}: expected key format ${format}, got ${source.keyFormat.format}`;
    const windowType = str(keyFormat.windowType);
    if (windowType !== undefined && windowType.toUpperCase() !== source.windowing?.type)
      return `${where}: expected window type ${windowType}, got ${source.windowing?.type ?? 'none'}`;
    const size = keyFormat.windowSize;
    if (isExactNumber(size) && Number(size.text) !== source.windowing?.sizeMs)
      return `${where}: expected window size ${size.text}, got ${source.windowing?.sizeMs ?? 'none'}`;
  }
  const valueFormat = isObj(expected.valueFormat)
    ? str(expected.valueFormat.format)
    : str(expected.valueFormat);
  if (valueFormat !== undefined && valueFormat.toUpperCase() !== source.valueFormat.format)
    return `${where}: expected value format ${valueFormat}, got ${source.valueFormat.format}`;
  for (const [side, format] of [
    ['key', source.keyFormat],
    ['value', source.valueFormat],
  ] as const) {
    const features = arrayOf(expected[`${side}Features`] as QttJson).map(String);
    if (features.includes('UNWRAP_SINGLES') && format.wrapSingleValue !== false && side === 'value')
      return `${where}: expected ${side} feature UNWRAP_SINGLES`;
    if (features.includes('WRAP_SINGLES') && format.wrapSingleValue !== true)
      return `${where}: expected ${side} feature WRAP_SINGLES`;
  }
  if (typeof expected.isSource === 'boolean' && expected.isSource !== source.readOnly)
    return `${where}: expected isSource ${String(expected.isSource)}`;
  return null;
}

function compareSchema(schema: string, source: SourceDefinition): string | null {
  const expected = parsePostSchema(schema);
  const actual = source.columns;
  const show = (): string =>
    `expected schema "${schema}", got "${actual.map((c) => `${c.name} ${formatSqlType(c.type)}${c.namespace === 'KEY' ? ' KEY' : ''}`).join(', ')}"`;
  if (expected.length !== actual.length) return show();
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    if (e.name !== a.name || e.namespace !== a.namespace || !sameSqlType(e.type, a.type))
      return show();
  }
  return null;
}

async function checkTopic(expected: Obj, world: PostWorld): Promise<string | null> {
  const name = str(expected.name) ?? '';
  if (name.startsWith('_confluent-ksql-')) return null;
  const partitions = await world.partitions(name);
  if (partitions === undefined) return `topic ${name} does not exist`;
  const want = expected.partitions;
  if (isExactNumber(want) && Number(want.text) !== partitions)
    return `topic ${name}: expected ${want.text} partitions, got ${partitions}`;
  const writer = world.queries.find((q) => q.sink.topic === name)?.sink;
  if (!writer) return null;
  for (const [side, actual] of [
    ['key', writer.keyFormat.format],
    ['value', writer.valueFormat.format],
  ] as const) {
    const format = expected[`${side}Format`];
    const text = isObj(format) ? str(format.format) : str(format);
    if (text !== undefined && text.toUpperCase() !== actual)
      return `topic ${name}: expected ${side} format ${text}, got ${actual}`;
  }
  return null;
}

function isObj(v: QttJson | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isExactNumber(v);
}

function arrayOf(v: QttJson | undefined): Obj[] {
  return Array.isArray(v) ? (v as QttJson[]).filter(isObj) : [];
}

function str(v: QttJson | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
