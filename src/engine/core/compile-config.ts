import type { CompileContext, InferredSchema } from '../../../sql';
import type { Catalog } from '../../../sql';
import { resolvedInference } from './inference';

/** The analyzer config for a statement: the statement's properties plus the service id. */
export function compileContext(
  catalog: Catalog,
  serviceId: string,
  properties: Readonly<Record<string, string>>,
  queryCounter: number,
  sql: string,
  inferred?: { readonly key?: InferredSchema; readonly value?: InferredSchema },
): CompileContext {
  return {
    catalog,
    config: { ...properties, 'ksql.service.id': serviceId },
    queryCounter,
    schemaInference: resolvedInference(inferred),
    sql,
  };
}
