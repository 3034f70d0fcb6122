import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isLosslessNumber, parse } from 'lossless-json';
import type { ExactNumber, QttCase, QttJson, QttRecord, QttTopic } from './qtt-case';

export class QttLoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'QttLoadError';
  }
}

/** Every `.json` file under the given files and directories, sorted for a stable order. */
export function findCaseFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(path, f));
  });
}

/** Loads a QTT file: drops disabled nodes, expands `format` x `config`, names the cases. */
export function loadCaseFile(file: string): QttCase[] {
  const doc = parseExactJson(readFileSync(file, 'utf8'), file);
  const tests = field(doc, 'tests');
  if (!Array.isArray(tests) || tests.length === 0)
    throw new QttLoadError(file, '"tests" must be a non-empty array');
  const stem = basename(file).replace(/\.json$/, '');
  const cases = tests.flatMap((node) => expandNode(file, stem, node as Record<string, QttJson>));
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.name)) throw new QttLoadError(file, `duplicate test name "${c.name}"`);
    seen.add(c.name);
  }
  return cases;
}

function expandNode(file: string, stem: string, node: Record<string, QttJson>): QttCase[] {
  if (node.enabled === false) return [];
  const name = text(node.name);
  const statements = (node.statements as QttJson[] | undefined)?.map(text) ?? [];
  if (statements.length === 0) throw new QttLoadError(file, `test "${name}" has no statements`);
  const properties = Object.fromEntries(
    Object.entries((node.properties as Record<string, QttJson> | undefined) ?? {}).map(([k, v]) => [
      k,
      scalarText(v),
    ]),
  );
  const formats = (node.format as QttJson[] | undefined)?.map(text) ?? [undefined];
  const configProperty = Object.keys(properties).find((k) => properties[k] === '{CONFIG}');
  const configs =
    configProperty === undefined
      ? [undefined]
      : ((node.config as QttJson[] | undefined)?.map(scalarText) ?? [undefined]);
  return formats.flatMap((format) =>
    configs.map((config): QttCase => {
      const props = { ...properties };
      if (configProperty !== undefined && config !== undefined) props[configProperty] = config;
      const suffix = [
        format,
        configProperty !== undefined && config !== undefined
          ? `${configProperty}=${config}`
          : undefined,
      ]
        .filter((s) => s !== undefined)
        .map((s) => ` - ${s}`)
        .join('');
      return {
        file,
        name: `${stem} - ${name}${suffix}`,
        statements:
          format === undefined
            ? statements
            : statements.map((s) => s.split('{FORMAT}').join(format)),
        inputs: records(node.inputs),
        outputs: records(node.outputs),
        topics: ((node.topics as QttJson[] | undefined) ?? []).map((t) => plain(t) as QttTopic),
        properties: props,
        format,
        expectedException:
          node.expectedException === undefined
            ? undefined
            : (plain(node.expectedException) as QttCase['expectedException']),
        post: node.post,
      };
    }),
  );
}

function records(value: QttJson | undefined): QttRecord[] {
  return ((value as Record<string, QttJson>[] | undefined) ?? []).map((r) => ({
    topic: text(r.topic),
    key: r.key ?? null,
    value: r.value ?? null,
    timestamp:
      r.timestamp === undefined || r.timestamp === null
        ? undefined
        : Number(scalarText(r.timestamp)),
    window:
      r.window === undefined || r.window === null
        ? undefined
        : (plain(r.window) as QttRecord['window']),
    headers: r.headers === undefined ? undefined : (plain(r.headers) as QttRecord['headers']),
  }));
}

/** JSON with `//` and `/* *\/` comments, numbers kept as exact text. */
export function parseExactJson(source: string, file = '<input>'): QttJson {
  try {
    return convert(parse(stripComments(source)));
  } catch (err) {
    throw new QttLoadError(file, `not valid JSON: ${(err as Error).message}`);
  }
}

function convert(value: unknown): QttJson {
  if (isLosslessNumber(value))
    return { kind: 'exact-number', text: String(value) } satisfies ExactNumber;
  if (Array.isArray(value)) return value.map(convert);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
  return value as QttJson;
}

function stripComments(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '"') {
      const start = i;
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
      out += source.slice(start, i + 1);
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i + 2) + 1;
      if (i === 0) break;
    } else out += c;
  }
  return out;
}

export function isExactNumber(v: QttJson | undefined): v is ExactNumber {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    (v as ExactNumber).kind === 'exact-number'
  );
}

/** Converts exact numbers to JS numbers: for metadata (topics, windows), not for values. */
function plain(v: QttJson): unknown {
  if (isExactNumber(v)) return Number(v.text);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

function field(doc: QttJson, name: string): QttJson | undefined {
  return doc !== null && typeof doc === 'object' && !Array.isArray(doc)
    ? (doc as Record<string, QttJson>)[name]
    : undefined;
}

function text(v: QttJson | undefined): string {
  if (typeof v !== 'string') throw new Error(`expected a string, got ${JSON.stringify(v)}`);
  return v;
}

function scalarText(v: QttJson): string {
  if (isExactNumber(v)) return v.text;
  return typeof v === 'string' ? v : JSON.stringify(v);
}
