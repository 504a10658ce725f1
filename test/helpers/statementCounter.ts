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
  private recording = false;
  private readonly restore: (() => void)[] = [];

  static install(): StatementCounter {
    const counter = new StatementCounter();
    const scratch = new Database(":memory:");
    const statementPrototype = Object.getPrototypeOf(scratch.prepare("SELECT 1")) as Record<string, unknown>;
    scratch.close();
    for (const method of ["run", "all", "get", "iterate"])
      counter.wrap(statementPrototype, method, (self) => (self as { source: string }).source);
    counter.wrap(pg.Client.prototype as unknown as Record<string, unknown>, "query", (_self, first) =>
      typeof first === "string" ? first : ((first as { text?: string } | null)?.text ?? ""),
    );
    return counter;
  }

  private wrap(target: Record<string, unknown>, name: string, sqlOf: (self: unknown, first: unknown) => string): void {
    const original = target[name] as (this: unknown, ...args: unknown[]) => unknown;
    const record = (text: string) => {
      if (this.recording && !/wal_checkpoint/i.test(text)) this.seen.push(text);
    };
    target[name] = function (this: unknown, ...args: unknown[]) {
      record(sqlOf(this, args[0]));
      return original.apply(this, args);
    };
    this.restore.push(() => {
      target[name] = original;
    });
  }

  /** The statements `action` sent. */
  async during(action: () => Promise<unknown>): Promise<string[]> {
    this.seen.length = 0;
    this.recording = true;
    try {
      await action();
    } finally {
      this.recording = false;
    }
    return [...this.seen];
  }

  uninstall(): void {
    for (const undo of this.restore.splice(0)) undo();
  }
}
