import { ConnectError, type Worker } from '../../../connectors';
import { type ConnectorDetails, ConnectPortError, type ConnectorSummary, type ConnectPort } from '../ports';

/**
 * `ConnectPort` over the Connect worker running in the same process (`connectors/index.ts`),
 * so CREATE CONNECTOR and the Connect REST API manage the same connectors.
 */
export class WorkerConnect implements ConnectPort {
  constructor(private readonly worker: Worker) {}

  async create(name: string, config: Readonly<Record<string, string>>): Promise<ConnectorDetails> {
    await this.call(() => this.worker.putConnector(name, config, false));
    const details = await this.describe(name);
    if (!details) throw new ConnectPortError(500, `Connector ${name} disappeared after creation`, true);
    return details;
  }

  async delete(name: string): Promise<void> {
    await this.call(() => this.worker.deleteConnector(name));
  }

  async list(): Promise<readonly ConnectorSummary[]> {
    const summaries: ConnectorSummary[] = [];
    for (const name of this.worker.connectorNames().sort()) {
      const details = await this.describe(name);
      if (details) summaries.push(details);
    }
    return summaries;
  }

  async describe(name: string): Promise<ConnectorDetails | undefined> {
    if (!this.worker.connectorNames().includes(name)) return undefined;
    return this.call(() => {
      const info = this.worker.info(name);
      const status = this.worker.status(name);
      const details: ConnectorDetails = {
        name,
        type: info.type,
        className: info.config['connector.class'] ?? '',
        state: status.connector.state,
        tasks: status.tasks.map((t) => ({ id: t.id, state: t.state, ...(t.trace === undefined ? {} : { trace: t.trace }) })),
        config: info.config,
        topics: this.worker.activeTopics(name),
      };
      return details;
    });
  }

  private async call<T>(work: () => Promise<T> | T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ConnectError) {
        throw new ConnectPortError(error.httpStatus, error.message, error.retriable, { cause: error });
      }
      throw error;
    }
  }
}
