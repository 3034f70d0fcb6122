import { stepInputs, stepRepartition, type Step } from './steps';
import type { InternalTopicSpec, TopologySpec } from './topology-spec';

/** Stores a step kind needs at least (the runtime reads them by position). */
function requiredStores(step: Step): number {
  switch (step.kind) {
    case 'TableSource':
    case 'StreamAggregate':
    case 'StreamWindowedAggregate':
    case 'TableAggregate':
      return 1;
    case 'ForeignKeyTableTableJoin':
      return step.subscription ? 2 : 1;
    case 'TableSelectKey':
      return step.repartition ? 1 : 0;
    case 'StreamStreamJoin':
      return step.graceMs !== null && step.joinType !== 'INNER' ? 3 : 2;
    default:
      return 0;
  }
}

/**
 * Structural checks of a spec, for the planner's tests and the runtime's start-up: unique step
 * ids, inputs defined earlier, known sources, one sink last, the stores each step kind reads,
 * unique store and topic names. Returns the problems found (empty when valid).
 */
export function validateTopologySpec(spec: TopologySpec): string[] {
  const problems: string[] = [];
  if (spec.version !== 1) problems.push(`unsupported version ${String(spec.version)}`);
  const seen = new Set<string>();
  const storeNames = new Set<string>();
  const topics = new Set<string>();
  spec.steps.forEach((step, i) => {
    if (seen.has(step.id)) problems.push(`duplicate step id '${step.id}'`);
    for (const input of stepInputs(step)) {
      if (!seen.has(input))
        problems.push(`step '${step.id}' reads '${input}', which is not defined before it`);
    }
    seen.add(step.id);
    if (
      (step.kind === 'StreamSource' || step.kind === 'TableSource') &&
      !spec.sources.some((s) => s.name === step.sourceName)
    ) {
      problems.push(`step '${step.id}' reads unknown source '${step.sourceName}'`);
    }
    const isSink = step.kind === 'StreamSink' || step.kind === 'TableSink';
    if (isSink !== (i === spec.steps.length - 1))
      problems.push(
        isSink ? `sink '${step.id}' is not the last step` : 'the last step is not a sink',
      );
    if (step.stores.length < requiredStores(step))
      problems.push(`step '${step.id}' (${step.kind}) needs ${requiredStores(step)} store(s)`);
    for (const store of step.stores) {
      if (storeNames.has(store.name)) problems.push(`duplicate store name '${store.name}'`);
      storeNames.add(store.name);
    }
    for (const topic of stepTopics(step)) {
      if (topics.has(topic)) problems.push(`duplicate repartition topic '${topic}'`);
      topics.add(topic);
    }
    if (step.kind === 'ForeignKeyTableTableJoin' && step.subscription) {
      const right = spec.steps.find((s) => s.id === step.right);
      if (right && stepRepartition(right))
        problems.push(`foreign-key join '${step.id}' reads its right side through a repartition`);
    }
  });
  if (spec.steps.length === 0) problems.push('no steps');
  return problems;
}

/** The internal topics a spec's steps imply: repartition topics and store changelogs. */
export function deriveInternalTopics(steps: readonly Step[]): InternalTopicSpec[] {
  const out: InternalTopicSpec[] = [];
  for (const step of steps) {
    for (const topic of stepTopics(step))
      out.push({ name: topic, role: 'repartition', stepId: step.id });
    for (const store of step.stores) {
      if (store.changelogTopic)
        out.push({
          name: store.changelogTopic,
          role: 'changelog',
          stepId: step.id,
          store: store.name,
        });
    }
  }
  return out;
}

/** The topics a step writes and its query reads back: a repartition, or a FK join's two topics. */
function stepTopics(step: Step): readonly string[] {
  if (step.kind === 'ForeignKeyTableTableJoin' && step.subscription)
    return [step.subscription.registrationTopic, step.subscription.responseTopic];
  const repartition = stepRepartition(step);
  return repartition ? [repartition.topic] : [];
}
