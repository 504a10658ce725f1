import pg from "pg";

/**
 * The health check's own PostgreSQL connection, outside the pool the bot's queries share. When long queries (an
 * export, a burst of /done) hold every pool connection for longer than a check waits, a check in the pool's line
 * would report a database that answers as gone, and a platform that restarts unhealthy containers would restart a
 * working bot. This measures "the database answers", not "the pool has a free connection".
 *
 * One connection, opened at the first check (every process that runs the bot checks, a shard too: see main.ts) and kept;
 * after any failure it is dropped and the next check opens another. Checks never overlap: one asked for while
 * another runs gets that one's answer.
 */
export class PostgresProbe {
  private client: pg.Client | null = null;
  private running: Promise<boolean> | null = null;
  private closed = false;
  private signalClosed: () => void = () => undefined;
  /** Settles at close(): a connection still being opened then is given up. */
  private readonly closedSignal = new Promise<void>((resolve) => (this.signalClosed = resolve));

  constructor(
    private readonly connectionString: string,
    /** How long the connection, then the query, may take before the check counts as failed. */
    private readonly timeoutMs: number,
  ) {}

  /** Whether PostgreSQL answers SELECT 1 now; settles within about twice `timeoutMs`. */
  ping(): Promise<boolean> {
    this.running ??= this.check().finally(() => (this.running = null));
    return this.running;
  }

  /**
   * Does not wait for a check under way (on a server that stopped answering, up to twice `timeoutMs`, past the
   * shutdown's budget): a query in flight is ended with its connection (pg destroys the socket of a client with an
   * active query), a connection being opened is given up, and that check answers false.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.signalClosed();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async check(): Promise<boolean> {
    if (this.closed) return false;
    try {
      this.client ??= await this.connect();
      // pg's per-query read timeout, which @types/pg's QueryConfig does not list (hence not an object literal).
      const probe = { text: "SELECT 1", query_timeout: this.timeoutMs };
      await this.client.query(probe);
      return true;
    } catch {
      this.drop();
      return false;
    }
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: this.timeoutMs });
    // A connection lost between checks is noticed by the next check's query, which then opens another.
    client.on("error", () => undefined);
    try {
      const closed = this.closedSignal.then(() => {
        throw new Error("the health check closed while its connection was being opened");
      });
      await Promise.race([client.connect(), closed]);
      // Closed just as it connected: not kept.
      if (this.closed) throw new Error("the health check closed while its connection was being opened");
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }

  /**
   * Not waited for: on a server that stopped answering a graceful end could wait on it. A query given up by its
   * timeout is still pg's active query, so end() destroys the socket at once instead.
   */
  private drop(): void {
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => undefined);
  }
}
