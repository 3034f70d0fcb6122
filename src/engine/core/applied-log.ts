import { EngineError, ErrorCodes, type CommandState, type CommandStatus } from '../engine-port';
import type { ApplyOutcome } from './command-applier';

const KEPT_OUTCOMES = 1_000;

/**
 * What this engine did with each command of the log: outcomes by sequence number (so the
 * engine that appended a command can wait for its own application) and statuses by command
 * id (ksqlDB's `/status`).
 */
export class AppliedLog {
  private readonly outcomes = new Map<number, ApplyOutcome>();
  private readonly waiters = new Map<number, ((outcome: ApplyOutcome) => void)[]>();
  private readonly byCommandId = new Map<string, CommandStatus>();
  private highest = -1;

  constructor(private readonly timeoutMs: number) {}

  record(seq: number, outcome: ApplyOutcome): void {
    this.highest = Math.max(this.highest, seq);
    this.outcomes.set(seq, outcome);
    if (this.outcomes.size > KEPT_OUTCOMES) {
      const oldest = this.outcomes.keys().next().value;
      if (oldest !== undefined) this.outcomes.delete(oldest);
    }
    const commandId = outcome.ok ? outcome.applied.commandId : outcome.commandId;
    this.byCommandId.set(
      commandId,
      outcome.ok
        ? { status: 'SUCCESS', message: outcome.applied.message, queryId: outcome.applied.queryId }
        : { status: 'ERROR', message: outcome.error instanceof Error ? outcome.error.message : String(outcome.error), queryId: null },
    );
    for (const wake of this.waiters.get(seq) ?? []) wake(outcome);
    this.waiters.delete(seq);
  }

  /** Resolves with the outcome once the command at `seq` was applied by this engine. */
  waitFor(seq: number): Promise<ApplyOutcome> {
    const known = this.outcomes.get(seq);
    if (known) return Promise.resolve(known);
    if (seq <= this.highest) {
      return Promise.resolve({ ok: true, applied: { commandId: '', message: '', queryId: null } });
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new EngineError(ErrorCodes.serviceUnavailable, `Timed out waiting for command ${seq} to be applied`, { retriable: true }));
      }, this.timeoutMs);
      const list = this.waiters.get(seq) ?? [];
      list.push((outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
      this.waiters.set(seq, list);
    });
  }

  /** The position the next command will most likely get (for provisional query ids). */
  nextSeq(): number {
    return this.highest + 1;
  }

  status(commandId: string): CommandStatus | undefined {
    return this.byCommandId.get(commandId);
  }

  statuses(): Readonly<Record<string, CommandState>> {
    return Object.fromEntries([...this.byCommandId.entries()].map(([id, s]) => [id, s.status]));
  }
}
