import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { BenchStore } from "./BenchStore.js";
import { PostgresBenchStore } from "./PostgresBenchStore.js";
import { SqliteBenchStore } from "./SqliteBenchStore.js";

/**
 * One database engine under test. The data set is built once into a
 * template (slow: a million rows) and every measurement runs on a fresh copy
 * of it (fast: a file copy, or CREATE DATABASE … TEMPLATE), so runs start from
 * the same data and a rerun skips the build.
 */
export interface BenchTarget {
  readonly provider: "sqlite" | "postgresql";
  /** For tables and messages; no credentials. */
  readonly label: string;
  /** Where the data set's manifest (ids the measurement needs) is kept. */
  readonly manifestFile: string;
  /** True when the template holds the data set identified by `key`. */
  hasTemplate(key: string): Promise<boolean>;
  /** Replaces any old template with an empty database; returns its DATABASE_URL. */
  createTemplate(): Promise<string>;
  /** Marks the template complete for `key` (after the last write, with no connection left open). */
  sealTemplate(key: string): Promise<void>;
  /** A fresh copy of the template; returns its DATABASE_URL. */
  createRunCopy(): Promise<string>;
  openStore(url: string): Promise<BenchStore>;
}

/**
 * One cache folder per checkout: two checkouts' bench runs on one machine must not replace each
 * other's SQLite template mid-run (a 100,000-member run once measured another's 300-member data set).
 */
export const benchCacheDir = path.join(
  os.tmpdir(),
  `cohort-bot-bench-${createHash("sha256")
    .update(fileURLToPath(new URL("..", import.meta.url)))
    .digest("hex")
    .slice(0, 8)}`,
);

export class BenchTargetError extends Error {
  override readonly name = "BenchTargetError";
}

/** "sqlite" or a postgresql:// URL (see benchUsage) → its BenchTarget. */
export function benchTargetFor(database: string): BenchTarget {
  fs.mkdirSync(benchCacheDir, { recursive: true });
  if (database === "sqlite") return sqliteTarget();
  return postgresTarget(database);
}

function sqliteTarget(): BenchTarget {
  const templateFile = path.join(benchCacheDir, "sqlite-template.db");
  const keyFile = `${templateFile}.key`;
  const runFile = path.join(benchCacheDir, "sqlite-run.db");
  const removeDatabaseFiles = (file: string) => {
    // A stale -wal beside a replaced file would be replayed into it on open.
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
  };
  return {
    provider: "sqlite",
    label: "SQLite",
    manifestFile: path.join(benchCacheDir, "sqlite-manifest.json"),
    async hasTemplate(key) {
      return fs.existsSync(templateFile) && fs.existsSync(keyFile) && fs.readFileSync(keyFile, "utf8") === key;
    },
    async createTemplate() {
      fs.rmSync(keyFile, { force: true });
      removeDatabaseFiles(templateFile);
      return `file:${templateFile}`;
    },
    async sealTemplate(key) {
      fs.writeFileSync(keyFile, key);
    },
    async createRunCopy() {
      removeDatabaseFiles(runFile);
      fs.copyFileSync(templateFile, runFile);
      return `file:${runFile}`;
    },
    async openStore(url) {
      return new SqliteBenchStore(url.slice("file:".length));
    },
  };
}

const databaseName = /^[a-z_][a-z0-9_]{0,50}$/;

function postgresTarget(url: string): BenchTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BenchTargetError(`--database ${url} is not a valid postgresql:// URL`);
  }
  const runName = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!databaseName.test(runName) || !runName.includes("bench")) {
    throw new BenchTargetError(
      `--database must name a database whose name contains "bench" (lower case, digits, _), e.g. postgresql://postgres@127.0.0.1:5432/cohort_bot_bench: ` +
        `the bench drops and recreates it and ${runName || "<name>"}_template. Got "${runName}".`,
    );
  }
  if (parsed.searchParams.has("schema")) throw new BenchTargetError("--database: the bench uses the public schema; leave out ?schema=");
  const templateName = `${runName}_template`;
  const urlFor = (name: string) => {
    const copy = new URL(parsed);
    copy.pathname = `/${name}`;
    return copy.toString();
  };
  const withServer = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: urlFor("postgres"), connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
    } catch (error) {
      throw new BenchTargetError(`Cannot reach PostgreSQL at ${parsed.host}: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const recreate = (client: pg.Client, name: string, template: string) =>
    client
      .query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      // Byte-order collation like SQLite's (and the test suite's databases), so orderings agree.
      .then(() => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`));
  const marker = (key: string) => `cohort-bot bench data set ${key}`;
  return {
    provider: "postgresql",
    label: `PostgreSQL (${parsed.hostname}:${parsed.port || "5432"})`,
    manifestFile: path.join(benchCacheDir, `postgresql-${parsed.hostname}-${parsed.port || "5432"}-${runName}-manifest.json`),
    async hasTemplate(key) {
      return withServer(async (client) => {
        const result = await client.query<{ comment: string | null }>(
          `SELECT shobj_description(oid, 'pg_database') AS "comment" FROM pg_database WHERE datname = $1`,
          [templateName],
        );
        return result.rows[0]?.comment === marker(key);
      });
    },
    async createTemplate() {
      await withServer((client) => recreate(client, templateName, "template0"));
      return urlFor(templateName);
    },
    async sealTemplate(key) {
      await withServer((client) => client.query(`COMMENT ON DATABASE "${templateName}" IS '${marker(key)}'`));
    },
    async createRunCopy() {
      await withServer((client) => recreate(client, runName, templateName));
      return urlFor(runName);
    },
    async openStore(storeUrl) {
      return PostgresBenchStore.open(storeUrl);
    },
  };
}
