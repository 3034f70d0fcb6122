import { stackTrace } from '../errors';
import type { ErrorPolicy, ErrorPolicyFactory, FailedRecord } from '../plugins/error-policy';

/**
 * Connect's `errors.tolerance` (none | all) with `errors.log.enable`: under `all` a failing record
 * is counted, logged at warn with its coordinates, and skipped; under `none` the error fails the
 * task. Retries and the dead-letter queue belong to richer policies plugged in by factory.
 */
export const tolerancePolicy: ErrorPolicyFactory = (connector, props, { logger }) => {
  const tolerateAll = (props['errors.tolerance'] ?? 'none') === 'all';
  const logAll = (props['errors.log.enable'] ?? 'false') === 'true';
  let skipped = 0;
  const policy: ErrorPolicy = {
    async execute<T>(failed: FailedRecord, operation: () => Promise<T>): Promise<T | undefined> {
      try {
        return await operation();
      } catch (error) {
        if (!tolerateAll) throw error;
        skipped += 1;
        const where =
          failed.origin === undefined
            ? {}
            : {
                topic: failed.origin.topic,
                partition: failed.origin.partition,
                offset: failed.origin.offset.toString(),
              };
        const log = { connector, task: failed.taskId, stage: failed.stage, skipped, ...where };
        if (logAll)
          logger.error({ ...log, err: stackTrace(error) }, 'record skipped (errors.tolerance=all)');
        else logger.warn(log, 'record skipped (errors.tolerance=all)');
        return undefined;
      }
    },
    skipped: () => skipped,
  };
  return policy;
};
