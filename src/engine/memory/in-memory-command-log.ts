/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of asynchronous ports: nothing to wait for */
import type { Command } from '../core/command';
import type { CommandLogPort, LoggedCommand } from '../ports';

/**
 * A command log in memory, shareable by several engines (as engines share the Kafka topic).
 * Commands are deep-copied through JSON, as the real log serialises them.
 */
export class InMemoryCommandLog implements CommandLogPort {
  private readonly commands: Command[] = [];
  private readonly followers = new Set<Follower>();

  async append(command: Command): Promise<number> {
    const seq = this.commands.length;
    this.commands.push(JSON.parse(JSON.stringify(command)) as Command);
    await Promise.all([...this.followers].map((f) => f.pump(this.commands)));
    return seq;
  }

  async follow(onCommand: (logged: LoggedCommand) => Promise<void>): Promise<() => Promise<void>> {
    const follower = new Follower(onCommand);
    this.followers.add(follower);
    await follower.pump(this.commands);
    return async () => {
      this.followers.delete(follower);
      await follower.idle();
    };
  }

  /** Every command, in order (for tests and tools). */
  all(): readonly LoggedCommand[] {
    return this.commands.map((command, seq) => ({ seq, command }));
  }

  async close(): Promise<void> {
    this.followers.clear();
  }
}

/** Delivers commands to one handler strictly in order, one at a time. */
class Follower {
  private next = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly onCommand: (logged: LoggedCommand) => Promise<void>) {}

  pump(commands: readonly Command[]): Promise<void> {
    this.chain = this.chain.then(async () => {
      while (this.next < commands.length) {
        const seq = this.next++;
        const command = commands[seq];
        if (command !== undefined) await this.onCommand({ seq, command });
      }
    });
    return this.chain;
  }

  idle(): Promise<void> {
    return this.chain;
  }
}
