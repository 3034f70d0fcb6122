/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of asynchronous ports: nothing to wait for */
import { type ConnectorDetails, ConnectPortError, type ConnectorSummary, type ConnectPort } from '../ports';

/** Connectors as configuration only (no tasks run): unit tests of the CONNECTOR statements. */
export class InMemoryConnect implements ConnectPort {
  private readonly connectors = new Map<string, ConnectorDetails>();

  async create(name: string, config: Readonly<Record<string, string>>): Promise<ConnectorDetails> {
    if (this.connectors.has(name)) throw new ConnectPortError(409, `Connector ${name} already exists`);
    const className = config['connector.class'] ?? '';
    const details: ConnectorDetails = {
      name,
      type: /sink/i.test(className) ? 'sink' : 'source',
      className,
      state: 'RUNNING',
      tasks: [{ id: 0, state: 'RUNNING' }],
      config: { ...config, name },
      topics: [],
    };
    this.connectors.set(name, details);
    return details;
  }

  async delete(name: string): Promise<void> {
    if (!this.connectors.delete(name)) throw new ConnectPortError(404, `Connector ${name} not found`);
  }

  async list(): Promise<readonly ConnectorSummary[]> {
    return [...this.connectors.values()];
  }

  async describe(name: string): Promise<ConnectorDetails | undefined> {
    return this.connectors.get(name);
  }
}
