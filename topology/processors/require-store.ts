import type { Step, StoreSpec } from '../spec';
import { ProcessorError } from './processor-error';

export function requireStore(step: Step, index: number): StoreSpec {
  const store = step.stores[index];
  if (!store)
    throw new ProcessorError(`step ${step.kind} '${step.id}' needs store #${index}`, step.id);
  return store;
}
