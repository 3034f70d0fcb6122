import type { StackConfig } from './stack-config';
import type { Progress } from './maven-fetch';

/** What `up` did for one service. */
export type UpOutcome =
  { readonly kind: 'already-running' } | { readonly kind: 'started'; readonly pid: number | null };

export interface StackContext {
  readonly config: StackConfig;
  readonly progress: Progress;
}

/**
 * One service of the local stack. `up` is idempotent: a service that already answers is left
 * alone. `down` is only called for services this stack started (see `started-record.ts`).
 */
export interface StackService {
  readonly name: string;
  address(config: StackConfig): string;
  answers(config: StackConfig): Promise<boolean>;
  up(ctx: StackContext): Promise<UpOutcome>;
  down(ctx: StackContext, pid: number | null): Promise<void>;
}
