import { LosslessNumber, parse, stringify } from 'lossless-json';

/** JSON parsed with number texts kept (`1.23450` stays `1.23450`), or undefined when invalid. */
export function parseJsonLossless(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Like Jackson's `readTree`: parses the first complete JSON value and ignores what follows it
 * (`{"a": 1}}` reads as `{"a": 1}`), which ksqlDB's EXTRACTJSONFIELD relies on.
 */
export function parseFirstJsonValue(text: string): unknown {
  const whole = parseJsonLossless(text);
  if (whole !== undefined) return whole;
  const end = endOfFirstContainer(text);
  return end === undefined ? undefined : parseJsonLossless(text.substring(0, end));
}

function endOfFirstContainer(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) return undefined;
    }
  }
  return undefined;
}

export function stringifyLossless(value: unknown): string {
  return stringify(value) ?? 'null';
}

export function isLosslessNumber(v: unknown): v is LosslessNumber {
  return v instanceof LosslessNumber;
}

type Step = { kind: 'field'; name: string } | { kind: 'index'; index: number };

const PATHS = new Map<string, Step[] | undefined>();

/** Parses the JSONPath subset ksqlDB users write: `$.a.b`, `$['a']`, `$.a[0]`, `$.@type`. */
export function parseJsonPath(path: string): Step[] | undefined {
  if (PATHS.has(path)) return PATHS.get(path);
  const steps: Step[] = [];
  const re = /\.([^.[\]]+)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]|\[\s*(-?\d+)\s*\]/gy;
  let ok = path.startsWith('$');
  re.lastIndex = 1;
  while (ok && re.lastIndex < path.length) {
    const m = re.exec(path);
    if (!m) ok = false;
    else if (m[4] !== undefined) steps.push({ kind: 'index', index: Number(m[4]) });
    else steps.push({ kind: 'field', name: (m[1] ?? m[2] ?? m[3])! });
  }
  const result = ok ? steps : undefined;
  if (PATHS.size > 512) PATHS.clear();
  PATHS.set(path, result);
  return result;
}

export function walkJsonPath(root: unknown, steps: readonly Step[]): unknown {
  let node = root;
  for (const step of steps) {
    if (node === null || typeof node !== 'object') return undefined;
    if (step.kind === 'index') {
      if (!Array.isArray(node) || step.index < 0) return undefined;
      node = node[step.index];
    } else {
      if (Array.isArray(node)) return undefined;
      node = (node as Record<string, unknown>)[step.name];
    }
  }
  return node;
}
