import fs from "node:fs";
import path from "node:path";
import { waitLimitMs } from "./botHarness.js";
import type { TestDatabase } from "./testDatabase.js";
import { withServer } from "./testDatabase.js";

/** The files this process holds open under `dir` (Linux: /proc/self/fd), the worker threads' included. */
export function openFilesUnder(dir: string): string[] {
  return fs.readdirSync("/proc/self/fd").flatMap((fd) => {
    try {
      const target = fs.readlinkSync(path.join("/proc/self/fd", fd));
      return target.startsWith(dir) ? [target] : [];
    } catch {
      return [];
    }
  });
}

/**
 * What still holds the test database open: on SQLite the files this process has open beside it, on
 * PostgreSQL the server's sessions on it (application name, state, last query). A server session ends a
 * moment after its client closes, and on a busy machine that moment has no fixed bound: those are asked
 * again until none is left, up to waitLimitMs (a hang guard below the test's timeout); then the sessions
 * still there are returned, so the test's assertion names them.
 */
export async function openConnectionsTo(database: TestDatabase): Promise<string[]> {
  if (database.filePath !== null) return openFilesUnder(path.dirname(database.filePath));
  const name = decodeURIComponent(new URL(database.url).pathname.slice(1));
  const sessions = () =>
    withServer(async (client) => {
      const result = await client.query<{ pid: number; application_name: string; state: string | null; query: string }>(
        `SELECT pid, application_name, state, query FROM pg_stat_activity WHERE datname = $1`,
        [name],
      );
      return result.rows.map(
        (row) => `session ${row.pid} (${row.application_name || "no application name"}, ${row.state ?? "no state"}): ${row.query}`,
      );
    });
  const deadline = Date.now() + waitLimitMs;
  for (;;) {
    const open = await sessions();
    if (open.length === 0 || Date.now() > deadline) return open;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
