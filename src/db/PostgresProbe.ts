import pg from "pg";

/**
 * The health check's own PostgreSQL connection, outside the pool the bot's queries share. When long queries (an
 * export, a burst of /done) hold every pool connection for longer than a check waits, a check in the pool's line
 * would report a database that answers as gone, and a platform that restarts unhealthy containers would restart a
 * working bot. This measures "the database answers", not "the pool has a free connection".
 *
 * One connection, opened at the first check (every process that runs the bot checks, a shard too: see main.ts)
 * and kept; after any failure it is dropped and the next check opens another; a kept one lost since the last
 * check (a server restart, an idle timeout) is replaced within the check. Checks never overlap: one asked for
 * while another runs gets that one's answer.
 */
export class PostgresProbe {
  private client: pg.Client | null = null;
  private running: Promise<boolean> | null = null;
  private closed = false;
  /** Connections pg reported lost (an error, or their end). */
  private readonly lost = new WeakSet<pg.Client>();
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
    const kept = this.client !== null;
    const answer = await this.answer();
    // A kept connection the server or a pooler dropped since the last check (a restart, idle_session_timeout): its
    // failure says nothing of the database, so once more on a fresh one. Not after a query that timed out, which
    // leaves its connection up: a server that stops answering costs one wait, not two.
    if (answer === "connection lost" && kept) return (await this.answer()) === "answers";
    return answer === "answers";
  }

  /** SELECT 1 on the kept connection, or a new one; one that fails is dropped. */
  private async answer(): Promise<"answers" | "failed" | "connection lost"> {
    if (this.closed) return "failed";
    try {
      this.client ??= await this.connect();
      // pg's per-query read timeout, which @types/pg's QueryConfig does not list (hence not an object literal).
      const probe = { text: "SELECT 1", query_timeout: this.timeoutMs };
      await this.client.query(probe);
      return "answers";
    } catch {
      // Read before the drop, whose own end of the connection would count as lost too.
      const lost = this.client !== null && this.lost.has(this.client);
      this.drop();
      return lost ? "connection lost" : "failed";
    }
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      connectionTimeoutMillis: this.timeoutMs,
      // A dropped TCP link is noticed by the OS, not only at the next check (as withDeploymentLock's connection).
      keepAlive: true,
      // Tells an operator's pg_stat_activity what the bot's extra connection is.
      application_name: "cohort-bot health check",
    });
    // A connection lost between checks (pg reports it as an error, then its end) fails the next check's query,
    // which then tries once more on a new one (check).
    const lost = () => this.lost.add(client);
    client.on("error", lost);
    client.on("end", lost);
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
