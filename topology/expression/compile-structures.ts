import { assertNever, type Expression } from '../spec';
import type { CompileContext } from './compile-context';
import type { Evaluator } from './eval-row';

type StructureExpression = Extract<
  Expression,
  {
    kind:
      | 'Subscript'
      | 'Dereference'
      | 'StructConstructor'
      | 'ArrayConstructor'
      | 'MapConstructor'
      | 'Lambda';
  }
>;

/** Collections, structs and lambdas. */
export function compileStructure(e: StructureExpression, ctx: CompileContext): Evaluator {
  switch (e.kind) {
    case 'Subscript':
      return subscript(ctx.compile(e.base), ctx.compile(e.index), e.base.type.kind === 'ARRAY');
    case 'Dereference': {
      const base = ctx.compile(e.base);
      return (row, env) => {
        const struct = base(row, env) as Record<string, unknown> | null;
        return struct === null ? null : (struct[e.field] ?? null);
      };
    }
    case 'StructConstructor': {
      const fields = e.fields.map((f) => [f.name, ctx.compile(f.value)] as const);
      return (row, env) =>
        Object.fromEntries(fields.map(([name, value]) => [name, value(row, env)]));
    }
    case 'ArrayConstructor': {
      const elements = e.elements.map((el) => ctx.compile(el));
      return (row, env) => elements.map((el) => el(row, env));
    }
    case 'MapConstructor': {
      const entries = e.entries.map((en) => [ctx.compile(en.key), ctx.compile(en.value)] as const);
      return (row, env) => new Map(entries.map(([k, v]) => [k(row, env), v(row, env)]));
    }
    case 'Lambda': {
      const body = ctx.compile(e.body);
      const names = e.params.map((p) => p.name);
      return (row, env) =>
        (...values: unknown[]) => {
          const result = body(row, { names, values, parent: env });
          return result === undefined ? null : result;
        };
    }
    default:
      return assertNever(e, 'structure expression');
  }
}

/**
 * `array[i]` is 1-based, negative indexes count from the end, out of range is NULL (ksqlDB);
 * `map[k]` is the entry's value or NULL.
 */
function subscript(base: Evaluator, index: Evaluator, isArray: boolean): Evaluator {
  return (row, env) => {
    const container = base(row, env);
    const i = index(row, env);
    if (container === null || i === null) return null;
    if (isArray) {
      const array = container as unknown[];
      const n = Number(i);
      const at = n > 0 ? n - 1 : n < 0 ? array.length + n : -1;
      return at >= 0 && at < array.length ? (array[at] ?? null) : null;
    }
    return (container as Map<unknown, unknown>).get(i) ?? null;
  };
}
