import { stepById, type TopologySpec } from '../spec';

/** Windowed aggregates that run in emit-on-window-close mode: a TableSuppress reads them. */
export function emitFinalSteps(spec: TopologySpec): ReadonlySet<string> {
  const out = new Set<string>();
  for (const step of spec.steps) {
    if (step.kind !== 'TableSuppress') continue;
    let current = stepById(spec, step.source);
    while (current.kind === 'TableSelect' || current.kind === 'TableFilter')
      current = stepById(spec, current.source);
    if (current.kind === 'StreamWindowedAggregate') out.add(current.id);
  }
  return out;
}
