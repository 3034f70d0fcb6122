import { processorName } from './names';
import { stepInputs, stepRepartition, type Step } from './steps';
import {
  repartitionSinkName,
  repartitionSourceName,
  sourceTopicOf,
  stepById,
  subTopologies,
  type SubTopology,
} from './sub-topologies';
import type { TopologySpec } from './topology-spec';

interface DescribedNode {
  readonly kind: 'Source' | 'Processor' | 'Sink';
  readonly name: string;
  readonly detail: string;
  readonly next: string[];
  readonly prev: string[];
}

/**
 * Prints a spec the way Kafka Streams' `Topology#describe()` does (sub-topologies, sources with
 * topics, processors with stores, sinks with topics, `-->` successors and `<--` predecessors).
 * Deterministic: EXPLAIN shows it and golden tests snapshot it.
 */
export function describeTopology(spec: TopologySpec): string {
  const lines = ['Topologies:'];
  for (const sub of subTopologies(spec)) {
    lines.push(`   Sub-topology: ${sub.index}`);
    for (const node of describeNodes(spec, sub)) {
      lines.push(`    ${node.kind}: ${node.name} ${node.detail}`);
      lines.push(`      --> ${node.next.length ? node.next.join(', ') : 'none'}`);
      if (node.kind !== 'Source') lines.push(`      <-- ${node.prev.join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function describeNodes(spec: TopologySpec, sub: SubTopology): DescribedNode[] {
  const nodes: DescribedNode[] = [];
  const byName = new Map<string, DescribedNode>();
  const add = (node: DescribedNode): void => {
    nodes.push(node);
    byName.set(node.name, node);
  };
  const link = (from: string, to: string): void => {
    byName.get(from)?.next.push(to);
    byName.get(to)?.prev.push(from);
  };
  for (const input of sub.repartitionInputs) {
    add(node('Source', repartitionSourceName(input.writerStepId), `(topics: [${input.topic}])`));
  }
  for (const input of sub.subscriptionInputs) {
    if (input.side === 'response')
      add(node('Source', subscriptionNodeName(input.stepId, 'response-source'), topics(input)));
  }
  for (const id of sub.stepIds) {
    const step = stepById(spec, id);
    const name = processorName(step.id);
    add(stepNode(spec, step, name));
    if (step.kind === 'ForeignKeyTableTableJoin' && step.subscription) {
      // Left half (KIP-213): the right input is read by the right half, through the topics.
      const { left, subscription } = step;
      const writer = stepById(spec, left);
      link(stepRepartition(writer) ? repartitionSourceName(left) : processorName(left), name);
      link(subscriptionNodeName(id, 'response-source'), name);
      const sink = subscriptionNodeName(id, 'registration-sink');
      add(node('Sink', sink, `(topic: ${subscription.registrationTopic})`));
      link(name, sink);
      continue;
    }
    for (const input of stepInputs(step)) {
      const writer = stepById(spec, input);
      link(stepRepartition(writer) ? repartitionSourceName(input) : processorName(input), name);
    }
    const repartition = stepRepartition(step);
    if (repartition) {
      add(node('Sink', repartitionSinkName(step.id), `(topic: ${repartition.topic})`));
      link(name, repartitionSinkName(step.id));
    }
  }
  for (const input of sub.subscriptionInputs) {
    const join = stepById(spec, input.stepId);
    if (input.side !== 'registration' || join.kind !== 'ForeignKeyTableTableJoin') continue;
    // Right half (KIP-213): subscriptions and right changes in, responses out.
    const [source, receive, sink] = ['registration-source', 'receive', 'response-sink'].map(
      (role) => subscriptionNodeName(join.id, role),
    ) as [string, string, string];
    add(node('Source', source, topics(input)));
    add(node('Processor', receive, `(stores: [${join.stores[0]?.name ?? ''}])`));
    add(node('Sink', sink, `(topic: ${join.subscription?.responseTopic ?? ''})`));
    link(source, receive);
    link(processorName(join.right), receive);
    link(receive, sink);
  }
  return nodes;
}

function subscriptionNodeName(stepId: string, role: string): string {
  return `${processorName(stepId)}-subscription-${role}`;
}

function topics(input: { readonly topic: string }): string {
  return `(topics: [${input.topic}])`;
}

function stepNode(spec: TopologySpec, step: Step, name: string): DescribedNode {
  // A subscribed foreign-key join's stores[0] belongs to its right half.
  const own =
    step.kind === 'ForeignKeyTableTableJoin' && step.subscription
      ? step.stores.slice(1)
      : step.stores;
  const stores = `(stores: [${own.map((s) => s.name).join(', ')}])`;
  switch (step.kind) {
    case 'StreamSource':
    case 'TableSource':
      return node(
        'Source',
        name,
        `(topics: [${sourceTopicOf(spec, step.sourceName)}])${step.stores.length ? ` ${stores}` : ''}`,
      );
    case 'StreamSink':
    case 'TableSink':
      return node('Sink', name, `(topic: ${spec.sink.topic})`);
    default:
      return node('Processor', name, stores);
  }
}

function node(kind: DescribedNode['kind'], name: string, detail: string): DescribedNode {
  return { kind, name, detail, next: [], prev: [] };
}
