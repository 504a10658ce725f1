import Database from "better-sqlite3";
import pg from "pg";

/**
 * Records every SQL statement the process runs (SQLite: better-sqlite3's
 * statement run/all, whether compiled now or earlier; PostgreSQL: pg's
 * Client.query) while it is on: what one interaction costs, whichever
 * database. The background WAL checkpointer's pragma is left out (it is no
 * interaction's).
 */
export class StatementCounter {
  private readonly seen: string[] = [];
  private readonly seenParameters: unknown[][] = [];
  private recording = false;
  private readonly restore: (() => void)[] = [];

  static install(): StatementCounter {
    const counter = new StatementCounter();
    const scratch = new Database(":memory:");
    const statementPrototype = Object.getPrototypeOf(scratch.prepare("SELECT 1")) as Record<string, unknown>;
    scratch.close();
    for (const method of ["run", "all", "get", "iterate"])
      counter.wrap(
        statementPrototype,
        method,
        (self) => (self as { source: string }).source,
        // Bound as one array or spread.
        (args) => (args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args),
      );
    counter.wrap(
      pg.Client.prototype as unknown as Record<string, unknown>,
      "query",
      (_self, first) => (typeof first === "string" ? first : ((first as { text?: string } | null)?.text ?? "")),
      (args) => {
        const [first, second] = args;
        const values = typeof first === "string" ? second : (first as { values?: unknown } | null)?.values;
        return Array.isArray(values) ? values : [];
      },
    );
    return counter;
  }

  private wrap(
    target: Record<string, unknown>,
    name: string,
    sqlOf: (self: unknown, first: unknown) => string,
    parametersOf: (args: unknown[]) => unknown[],
  ): void {
    const original = target[name] as (this: unknown, ...args: unknown[]) => unknown;
    const record = (text: string, args: unknown[]) => {
      if (!this.recording || /wal_checkpoint/i.test(text)) return;
      this.seen.push(text);
      this.seenParameters.push(parametersOf(args));
    };
    target[name] = function (this: unknown, ...args: unknown[]) {
      record(sqlOf(this, args[0]), args);
      return original.apply(this, args);
    };
    this.restore.push(() => {
      target[name] = original;
    });
  }

  /** The statements `action` sent. */
  async during(action: () => Promise<unknown>): Promise<string[]> {
    return (await this.duringWithParameters(action)).map((statement) => statement.sql);
  }

  /** The statements `action` sent, each with its bound values (to ask the database for its plan with them). */
  async duringWithParameters(action: () => Promise<unknown>): Promise<{ sql: string; parameters: unknown[] }[]> {
    this.seen.length = 0;
    this.seenParameters.length = 0;
    this.recording = true;
    try {
      await action();
    } finally {
      this.recording = false;
    }
    return this.seen.map((sql, index) => ({ sql, parameters: this.seenParameters[index] ?? [] }));
  }

  uninstall(): void {
    for (const undo of this.restore.splice(0)) undo();
  }
}
