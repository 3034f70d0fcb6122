import type { StreamFlatMapStep } from '../spec';
import type { CallContext } from '../functions';
import type { StepBuilder } from './processor';
import { ProcessorError } from './processor-error';

/**
 * Table functions: one output row per position up to the longest result, shorter results padded
 * with NULL; value = input value + one column per function; key and timestamp kept.
 * A function that throws logs the record and yields no rows.
 */
export const buildStreamFlatMap: StepBuilder<StreamFlatMapStep> = (step, ctx) => {
  const schema = ctx.inputSchemas[0]!;
  const calls = step.tableFunctions.map((call) => {
    const fn = ctx.functions.table(call.name);
    if (!fn) throw new ProcessorError(`unknown table function '${call.name}'`, step.id);
    const args = call.args.map((a) => ctx.compile(a, schema));
    const callContext: CallContext = {
      argTypes: call.argTypes,
      returnType: call.type,
      config: ctx.spec.config,
    };
    return { fn, args, callContext };
  });
  return Promise.resolve({
    inputs: [
      {
        process: async (record) => {
          if (record.value === null) return;
          let results: (readonly unknown[])[];
          try {
            results = calls.map(
              ({ fn, args, callContext }) =>
                fn.call(
                  args.map((a) => a(record)),
                  callContext,
                ) ?? [],
            );
          } catch (error) {
            ctx.report(
              'EXPRESSION_ERROR',
              error instanceof Error ? error.message : String(error),
              record,
              'FUNCTION_ERROR',
            );
            return;
          }
          const rows = Math.max(0, ...results.map((r) => r.length));
          const value = record.value ?? [];
          for (let i = 0; i < rows; i++) {
            await ctx.forward({
              ...record,
              value: [...value, ...results.map((r) => r[i] ?? null)],
            });
          }
        },
      },
    ],
  });
};
