/**
 * Maps the logical topic names of the catalog to physical Kafka topics. The conformance runner
 * prefixes every topic of a test case so cases share one broker; the server uses `identity`.
 * `toLogical` returns undefined for a physical topic outside the namespace (it is then hidden).
 */
export interface TopicNameMapper {
  toPhysical(logical: string): string;
  toLogical(physical: string): string | undefined;
}

export const identityTopicNames: TopicNameMapper = {
  toPhysical: (name) => name,
  toLogical: (name) => name,
};

/** Every topic prefixed with `prefix`; topics without it are invisible. */
export function prefixedTopicNames(prefix: string): TopicNameMapper {
  return {
    toPhysical: (name) => `${prefix}${name}`,
    toLogical: (name) => (name.startsWith(prefix) ? name.slice(prefix.length) : undefined),
  };
}
