import type { InferredSchema, SchemaInference } from '../../../sql';
import type { Command } from './command';

/** A `SchemaInference` that answers from columns resolved before compiling (no I/O). */
export function resolvedInference(inferred: Command['inferred']): SchemaInference {
  return {
    inferColumns: (request): InferredSchema | undefined =>
      request.side === 'KEY' ? inferred?.key : inferred?.value,
  };
}
