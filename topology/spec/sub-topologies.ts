import { processorName } from './names';
import { stepInputs, stepRepartition, type Step } from './steps';
import type { TopologySpec } from './topology-spec';

/**
 * A topology splits into sub-topologies at repartition topics, as Kafka Streams does: steps
 * connected without a repartition between them run in the same task. Shared by
 * `describeTopology` and the runtime builder so EXPLAIN shows what runs.
 */
export interface SubTopology {
  readonly index: number;
  /** Step ids in spec order. */
  readonly stepIds: readonly string[];
  /** Topics this sub-topology consumes: user source topics and repartition topics. */
  readonly sourceTopics: readonly string[];
  /** Repartition topics read here, with the step that writes them (in another sub-topology). */
  readonly repartitionInputs: readonly { readonly topic: string; readonly writerStepId: string }[];
}

export class SpecError extends Error {
  readonly code = 'INVALID_TOPOLOGY_SPEC';
  readonly retriable = false;
  constructor(
    message: string,
    readonly queryId: string,
    readonly stepId?: string,
  ) {
    super(message);
    this.name = 'SpecError';
  }
}

export function stepById(spec: TopologySpec, id: string): Step {
  const step = spec.steps.find((s) => s.id === id);
  if (!step) throw new SpecError(`unknown step '${id}'`, spec.queryId, id);
  return step;
}

export function sourceTopicOf(spec: TopologySpec, sourceName: string): string {
  const source = spec.sources.find((s) => s.name === sourceName);
  if (!source) throw new SpecError(`unknown source '${sourceName}'`, spec.queryId);
  return source.topic;
}

/** Splits the steps into sub-topologies (union-find over edges that are not repartitions). */
export function subTopologies(spec: TopologySpec): readonly SubTopology[] {
  const parent = new Map<string, string>(spec.steps.map((s) => [s.id, s.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    return root;
  };
  for (const step of spec.steps) {
    for (const input of stepInputs(step)) {
      if (stepRepartition(stepById(spec, input)) === null) parent.set(find(step.id), find(input));
    }
  }
  const groups = new Map<string, string[]>();
  for (const step of spec.steps) {
    const root = find(step.id);
    groups.set(root, [...(groups.get(root) ?? []), step.id]);
  }
  return [...groups.values()].map((stepIds, index) => {
    const repartitionInputs: { topic: string; writerStepId: string }[] = [];
    const sourceTopics: string[] = [];
    for (const id of stepIds) {
      const step = stepById(spec, id);
      if (step.kind === 'StreamSource' || step.kind === 'TableSource') {
        sourceTopics.push(sourceTopicOf(spec, step.sourceName));
      }
      for (const input of stepInputs(step)) {
        const repartition = stepRepartition(stepById(spec, input));
        if (repartition && !repartitionInputs.some((r) => r.topic === repartition.topic)) {
          repartitionInputs.push({ topic: repartition.topic, writerStepId: input });
          sourceTopics.push(repartition.topic);
        }
      }
    }
    return { index, stepIds, sourceTopics: [...new Set(sourceTopics)], repartitionInputs };
  });
}

/** Name of the source node that reads a repartition topic written by `writerStepId`. */
export function repartitionSourceName(writerStepId: string): string {
  return `${processorName(writerStepId)}-repartition-source`;
}

export function repartitionSinkName(writerStepId: string): string {
  return `${processorName(writerStepId)}-repartition-sink`;
}
