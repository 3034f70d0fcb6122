/**
 * Name derivation, shared by the planner and the runtime so both agree without passing names
 * around twice. Everything is a pure function of the service id, the query id and a step's plan
 * path (`Aggregate/GroupBy`): restarts find their topics, consumer groups and state again.
 */

/** `_confluent-ksql-` style prefix for a service: `_brook-<serviceId>-`. */
export function servicePrefix(serviceId: string): string {
  return `_brook-${serviceId}-`;
}

/** Consumer group / application id of a query: `<servicePrefix>query_<queryId>`. */
export function applicationId(prefix: string, queryId: string): string {
  return `${prefix}query_${queryId}`;
}

/** `Aggregate/GroupBy` -> `Aggregate-GroupBy`: the step's processor name. */
export function processorName(stepId: string): string {
  return stepId.split('/').join('-');
}

/** `<appId>-Aggregate-GroupBy-repartition`. */
export function repartitionTopicName(appId: string, stepId: string): string {
  return `${appId}-${processorName(stepId)}-repartition`;
}

/** Store names are step paths plus a role suffix: `Aggregate-Aggregate-Materialize`. */
export function storeName(stepId: string, role: string): string {
  return `${processorName(stepId)}-${role}`;
}

/** `<appId>-<storeName>-changelog`, as Kafka Streams names changelog topics. */
export function changelogTopicName(appId: string, store: string): string {
  return `${appId}-${store}-changelog`;
}

/** `<appId>-Join-subscription-registration-topic`: a foreign-key join's subscriptions. */
export function subscriptionRegistrationTopicName(appId: string, stepId: string): string {
  return `${appId}-${processorName(stepId)}-subscription-registration-topic`;
}

/** `<appId>-Join-subscription-response-topic`: a foreign-key join's responses. */
export function subscriptionResponseTopicName(appId: string, stepId: string): string {
  return `${appId}-${processorName(stepId)}-subscription-response-topic`;
}
