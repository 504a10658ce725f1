import path from "node:path";
import { postgresUrlProblem } from "../shared/databaseUrl.js";

export type DatabaseTarget =
  | { readonly provider: "sqlite"; readonly url: string; readonly filePath: string }
  | {
      readonly provider: "postgresql";
      readonly url: string;
      /** The URL `pg` connects with: `url` without Prisma's own `schema` parameter. */
      readonly connectionString: string;
      /** Prisma's `?schema=` parameter: the PostgreSQL schema the tables live in; null = the server's search_path (normally `public`). */
      readonly schema: string | null;
      /** host:port/database, without credentials, for messages. */
      readonly displayName: string;
    };

export type PostgresTarget = Extract<DatabaseTarget, { provider: "postgresql" }>;

/**
 * `file:./data/x.db` → an absolute SQLite path (relative to `cwd`);
 * `postgresql://…` (or `postgres://…`) → the URL as is, with Prisma's
 * `?schema=name` split out because `pg` does not know it.
 */
export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseTarget {
  if (url.startsWith("file:")) {
    // loadConfig refuses file::memory: (every worker thread and restart would see another database).
    const filePath = path.resolve(cwd, url.slice("file:".length).replace(/\?.*$/, ""));
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const problem = postgresUrlProblem(url);
    if (problem !== null) throw new Error(`DATABASE_URL ${problem}`);
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema");
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
    return {
      provider: "postgresql",
      url,
      connectionString: schema === null ? url : withoutSchemaParameter(parsed),
      schema,
      displayName: `${parsed.hostname || "localhost"}:${parsed.port || "5432"}/${database}`,
    };
  }
  throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(":")[0] ?? ""}`);
}

function withoutSchemaParameter(url: URL): string {
  const copy = new URL(url);
  copy.searchParams.delete("schema");
  return copy.toString();
}
