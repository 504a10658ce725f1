import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { makeTempDir } from "./tempDir.js";

/**
 * Which database the suite runs on: `TEST_DATABASE=postgresql` (npm run
 * test:postgres) or SQLite (the default, npm test).
 */
export const testDatabaseProvider: "sqlite" | "postgresql" = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";

/** A PostgreSQL server where tests may create and drop databases (trust auth on these machines). */
export const testPostgresServerUrl = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

/** Every database the tests create starts with this, so a crashed run's leftovers can be found and dropped. */
export const testDatabasePrefix = "cohort_test_";

export interface TestDatabase {
  readonly provider: "sqlite" | "postgresql";
  /** DATABASE_URL for it. */
  readonly url: string;
  /** The SQLite file, or null on PostgreSQL. */
  readonly filePath: string | null;
  /** Removes the database (file or PostgreSQL database). */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database of the provider under test (or of `provider`); on PostgreSQL a copy of `postgresTemplate`
 * instead when given (see createMigratedTestDatabase).
 */
export async function createTestDatabase(
  provider: "sqlite" | "postgresql" = testDatabaseProvider,
  postgresTemplate: string | null = null,
): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const temp = makeTempDir();
    const filePath = path.join(temp.dir, "cohort-bot.db");
    return {
      provider,
      url: `file:${filePath}`,
      filePath,
      drop: async () => {
        temp.cleanup();
      },
    };
  }
  const name = `${testDatabasePrefix}${process.pid}_${randomBytes(4).toString("hex")}`;
  // Byte-order collation, like SQLite's, so ordered results do not depend on the server's locale (a template has it too).
  const source = postgresTemplate === null ? `template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'` : `"${postgresTemplate}"`;
  await withServer(async (client) => {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE ${source}`);
    // Commits need not wait for the disk: a test database never outlives a crash.
    await client.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  });
  return {
    provider,
    url: postgresUrlFor(name),
    filePath: null,
    drop: () => withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** The test server's URL with another database name. */
export function postgresUrlFor(database: string): string {
  const url = new URL(testPostgresServerUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` on a short-lived connection to the test server's maintenance database. */
export async function withServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresServerUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Tests on PostgreSQL need a server at ${testPostgresServerUrl} (start it with scripts/ensure-postgres.sh or set TEST_POSTGRES_URL): ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
