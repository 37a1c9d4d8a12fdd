import { Client } from 'pg';

/**
 * A dedicated connection that LISTENs on the append channel and wakes local subscribers when
 * any process appends. Losing it only delays delivery to the poll interval; it reconnects.
 */
export class PostgresNotifier {
  private client: Client | null = null;
  private closed = false;
  private reconnecting = false;

  private constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly onNotify: () => void,
  ) {}

  static async listen(connectionString: string, channel: string, onNotify: () => void): Promise<PostgresNotifier> {
    const notifier = new PostgresNotifier(connectionString, channel, onNotify);
    await notifier.connect();
    return notifier;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString });
    client.on('notification', () => this.onNotify());
    client.on('error', () => this.reconnectLater());
    client.on('end', () => this.reconnectLater());
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    this.client = client;
  }

  private reconnectLater(): void {
    if (this.closed || this.reconnecting) return;
    this.reconnecting = true;
    this.client = null;
    setTimeout(() => {
      this.reconnecting = false;
      if (!this.closed) this.connect().catch(() => this.reconnectLater());
    }, 1000).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
