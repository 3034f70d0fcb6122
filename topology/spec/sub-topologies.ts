import { processorName } from './names';
import type { StoreSpec } from './schema';
import { stepInputs, stepRepartition, type ForeignKeyTableTableJoinStep, type Step } from './steps';
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
  /** Foreign-key join topics read here (also in `sourceTopics`), see `SubscriptionInput`. */
  readonly subscriptionInputs: readonly SubscriptionInput[];
}

/**
 * A foreign-key join (with `subscription`) runs in two halves, like Kafka Streams' KIP-213 join:
 * the sub-topology of its right input reads the registration topic (`side: 'registration'`, the
 * right half); the sub-topology of the join step itself, with its left input, reads the response
 * topic (`side: 'response'`, the left half). Both may be the same sub-topology.
 */
export interface SubscriptionInput {
  readonly topic: string;
  /** The `ForeignKeyTableTableJoin` step. */
  readonly stepId: string;
  readonly side: 'registration' | 'response';
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
    for (const input of joinedInputs(step)) {
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
      for (const input of joinedInputs(step)) {
        const repartition = stepRepartition(stepById(spec, input));
        if (repartition && !repartitionInputs.some((r) => r.topic === repartition.topic)) {
          repartitionInputs.push({ topic: repartition.topic, writerStepId: input });
          sourceTopics.push(repartition.topic);
        }
      }
    }
    const subscriptionInputs: SubscriptionInput[] = [];
    for (const join of subscribedJoins(spec)) {
      const { registrationTopic, responseTopic } = join.subscription;
      if (stepIds.includes(join.right))
        subscriptionInputs.push({
          topic: registrationTopic,
          stepId: join.id,
          side: 'registration',
        });
      if (stepIds.includes(join.id))
        subscriptionInputs.push({ topic: responseTopic, stepId: join.id, side: 'response' });
    }
    sourceTopics.push(...subscriptionInputs.map((s) => s.topic));
    return {
      index,
      stepIds,
      sourceTopics: [...new Set(sourceTopics)],
      repartitionInputs,
      subscriptionInputs,
    };
  });
}

type SubscribedJoin = ForeignKeyTableTableJoinStep & {
  readonly subscription: NonNullable<ForeignKeyTableTableJoinStep['subscription']>;
};

/** Foreign-key joins that run as two halves (KIP-213), in spec order. */
export function subscribedJoins(spec: TopologySpec): readonly SubscribedJoin[] {
  return spec.steps.filter(
    (s): s is SubscribedJoin => s.kind === 'ForeignKeyTableTableJoin' && s.subscription != null,
  );
}

/**
 * The inputs that run in the step's own task. A subscribed foreign-key join's right input does
 * not: its right half runs next to the right table, on the other side of the join's topics.
 */
function joinedInputs(step: Step): readonly string[] {
  if (step.kind === 'ForeignKeyTableTableJoin' && step.subscription) return [step.left];
  return stepInputs(step);
}

/**
 * The stores a sub-topology's tasks own. A subscribed foreign-key join's `stores[0]` (the
 * subscription store) lives with its right half, the rest with its left half.
 */
export function subTopologyStores(spec: TopologySpec, sub: SubTopology): readonly StoreSpec[] {
  const stores: StoreSpec[] = [];
  for (const id of sub.stepIds) {
    const step = stepById(spec, id);
    const split = step.kind === 'ForeignKeyTableTableJoin' && step.subscription;
    stores.push(...(split ? step.stores.slice(1) : step.stores));
  }
  for (const input of sub.subscriptionInputs) {
    const store = stepById(spec, input.stepId).stores[0];
    if (input.side === 'registration' && store) stores.push(store);
  }
  return stores;
}

/** Name of the source node that reads a repartition topic written by `writerStepId`. */
export function repartitionSourceName(writerStepId: string): string {
  return `${processorName(writerStepId)}-repartition-source`;
}

export function repartitionSinkName(writerStepId: string): string {
  return `${processorName(writerStepId)}-repartition-sink`;
}
