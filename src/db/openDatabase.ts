import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logging/createLogger.js";
import { migrateDatabase, type MigrationReport } from "./migrateDatabase.js";
import { parseDatabaseUrl, type DatabaseTarget } from "./parseDatabaseUrl.js";
import { createPostgresPrismaSession } from "./createPostgresPrismaClient.js";
import { PostgresHotReader } from "./PostgresHotReader.js";
import { PostgresProbe } from "./PostgresProbe.js";
import { PostgresTransactionRunner } from "./PostgresTransactionRunner.js";
import type pg from "pg";
import { prismaSqlReader, type SqlReader } from "./SqlReader.js";
import { SqliteReadWorker } from "./SqliteReadWorker.js";
import { SqliteHotReader } from "./SqliteHotReader.js";
import { SqliteTransactionRunner } from "./SqliteTransactionRunner.js";
import { WalCheckpointer } from "./WalCheckpointer.js";
import { cacheSqliteStatements } from "./cacheSqliteStatements.js";
import { CleanupStack } from "../shared/CleanupStack.js";

/** How often the background checkpointer copies SQLite's write-ahead log into the database file. */
const checkpointIntervalMs = 500;
/**
 * SQLite's own checkpoint-on-commit, kept as a safety net behind the background
 * one (pages of 4 KiB: about 40 MB of log) instead of its default 1,000 pages.
 */
const safetyNetAutocheckpointPages = 10_000;
/**
 * SQLite's page cache for the bot's connection, in KiB (a negative cache_size):
 * SQLite's own default of 2 MB. better-sqlite3 is built with 16 MB, which the
 * bot fills while serving and never gives back (+13 MB peak RSS at 10,000 members
 * in the bench, no latency gained: the pages stay in the operating system's
 * file cache, one read away). See README "Sizing a process".
 */
const pageCacheKiB = 2_000;

/**
 * SQLite's busy timeout: how long one statement waits, synchronously (the
 * whole process stands still), for another connection's write lock. Kept
 * short; SerialWriteQueue then retries the write asynchronously.
 */
const sqliteBusyTimeoutMs = 10;
/** The read worker's connection only reads (WAL): it waits only while another process recovers the log. */
const sqliteReadBusyTimeoutMs = 5_000;
/**
 * How long a write keeps retrying on a locked SQLite file before the member is
 * asked to try again: inside Discord's 3 s window, with room for the rest.
 */
const sqliteLockedRetryBudgetMs = 1_500;
/** PostgreSQL waits for row and table locks asynchronously; past this a statement fails and is not retried. */
const postgresLockTimeoutMs = 1_500;
/** How long the health check's query (and its connection, when it opens one) waits for PostgreSQL. */
const defaultPingTimeoutMs = 10_000;

export type { PrismaClient } from "../generated/prisma/client.js";

export interface DatabaseHandle {
  /** Typed as the SQLite client whichever the database; see createPostgresPrismaClient for why that is sound. */
  readonly prisma: PrismaClient;
  readonly target: DatabaseTarget;
  readonly migrations: MigrationReport;
  /** How long a write that meets another connection's lock may keep retrying (see SerialWriteQueue). */
  readonly lockedRetryBudgetMs: number;
  /** SQLite's background checkpointer (null on PostgreSQL and in-memory SQLite). */
  readonly checkpointer: WalCheckpointer | null;
  /** Long hand-written reads: a worker thread's connection on a SQLite file, Prisma otherwise. */
  readonly reader: SqlReader;
  /**
   * Short reads on the interaction path: on a SQLite file a read-only connection of their own on the
   * main thread, without Prisma (SqliteHotReader); on PostgreSQL named statements on Prisma's pool,
   * without Prisma (PostgresHotReader); Prisma's raw queries in in-memory SQLite.
   */
  readonly hotReader: SqlReader;
  /** SQLite: short write transactions on the adapter's connection without Prisma (see SqliteTransactionRunner); null on PostgreSQL. */
  readonly sqliteTransactions: SqliteTransactionRunner | null;
  /** PostgreSQL: short write transactions on Prisma's pool without Prisma (see PostgresTransactionRunner); null on SQLite. */
  readonly postgresTransactions: PostgresTransactionRunner | null;
  /**
   * Whether the database answers a trivial query now (the health check). Settles only when its query has: on
   * PostgreSQL pg gives the query up after `pingTimeoutMs` (its query_timeout) and the connection is closed, so
   * a server that keeps the connection but stops answering never piles up a connection per check, and close()
   * still ends. On PostgreSQL it runs on a connection of its own, not the pool's: a pool busy with long queries
   * is a database that answers, and must not fail the heartbeat (see PostgresProbe).
   */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  readonly url: string;
  /** The SQLite migrations (prisma/migrations). */
  readonly migrationsDir: string;
  /** The PostgreSQL migrations; by default prisma/postgresql/migrations, found from `migrationsDir`. */
  readonly postgresqlMigrationsDir?: string;
  readonly logger: Logger;
  /** How long ping() waits for PostgreSQL's answer (10 s by default); a later answer counts as none. */
  readonly pingTimeoutMs?: number;
}

/** Migrates the database to the latest schema, then connects Prisma to it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const target = parseDatabaseUrl(options.url);
  const migrationsDir =
    target.provider === "sqlite"
      ? options.migrationsDir
      : (options.postgresqlMigrationsDir ?? path.join(path.dirname(options.migrationsDir), "postgresql", "migrations"));
  const migrations = await migrateDatabase(target, migrationsDir, options.logger);
  const { prisma, sqliteAdapter, pool } = createPrismaClient(target, options.logger);
  // What is open so far, closed last-opened first: by close(), or at once when a later step throws.
  const opened = new CleanupStack();
  opened.defer(() => prisma.$disconnect());
  const close = () => opened.closeAll();
  try {
    return await connect();
  } catch (error) {
    // A step that throws leaves nothing open behind it: the threads and connections opened so far close.
    await close().catch((closeError: unknown) =>
      options.logger.warn({ err: closeError }, "could not close a database that failed to open"),
    );
    throw error;
  }

  async function connect(): Promise<DatabaseHandle> {
    await prisma.$connect();
    const sqliteConnection = sqliteAdapter?.connection ?? null;
    const prismaReader = prismaSqlReader(prisma, target.provider);
    let checkpointer: WalCheckpointer | null = null;
    let readWorker: SqliteReadWorker | null = null;
    let hotReader: SqliteHotReader | null = null;
    if (target.provider === "sqlite") {
      const worker = new SqliteReadWorker({ filePath: target.filePath, busyTimeoutMs: sqliteReadBusyTimeoutMs, logger: options.logger });
      opened.defer(() => worker.stop());
      readWorker = worker;
      // The adapter drives one connection, so this pragma holds for every query the bot sends.
      await prisma.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${safetyNetAutocheckpointPages}`);
      await prisma.$queryRawUnsafe(`PRAGMA cache_size = -${pageCacheKiB}`);
      const reader = new SqliteHotReader({
        filePath: target.filePath,
        busyTimeoutMs: sqliteBusyTimeoutMs,
        pageCacheKiB,
        fallback: prismaReader,
      });
      opened.defer(() => reader.close());
      hotReader = reader;
      // The long reads' thread runs the checkpoints too (a thread of its own cost about 6 MB).
      const started = WalCheckpointer.start({
        worker,
        filePath: target.filePath,
        intervalMs: checkpointIntervalMs,
        logger: options.logger,
      });
      opened.defer(() => started.stop());
      checkpointer = started;
    }
    const readerForHotPath = hotReader ?? (pool === null ? prismaReader : new PostgresHotReader(pool));
    const pingTimeoutMs = options.pingTimeoutMs ?? defaultPingTimeoutMs;
    const probe = target.provider === "postgresql" ? new PostgresProbe(target.connectionString, pingTimeoutMs) : null;
    if (probe !== null) opened.defer(() => probe.close());
    return {
      prisma,
      target,
      migrations,
      lockedRetryBudgetMs: target.provider === "sqlite" ? sqliteLockedRetryBudgetMs : 0,
      checkpointer,
      reader: readWorker ?? prismaReader,
      hotReader: readerForHotPath,
      sqliteTransactions: sqliteConnection === null ? null : new SqliteTransactionRunner(sqliteConnection),
      postgresTransactions: pool === null ? null : new PostgresTransactionRunner(pool, options.logger),
      ping: () => (probe === null ? answers(readerForHotPath.read("SELECT 1", [])) : probe.ping()),
      close,
    };
  }
}

/** Whether the query succeeded (a lost database fails it). */
function answers(query: Promise<unknown>): Promise<boolean> {
  return query.then(
    () => true,
    () => false,
  );
}

/**
 * The SQLite adapter comes back too: its connection is the one SqliteTransactionRunner writes on; on
 * PostgreSQL the pool Prisma runs on, which PostgresHotReader and PostgresTransactionRunner share.
 */
function createPrismaClient(
  target: DatabaseTarget,
  logger: Logger,
): { prisma: PrismaClient; sqliteAdapter: StatementCachingSqlite3 | null; pool: pg.Pool | null } {
  if (target.provider === "sqlite") {
    // `timeout` is SQLite's busy timeout: several bot processes may share one file.
    const sqliteAdapter = new StatementCachingSqlite3(
      { url: target.filePath, timeout: sqliteBusyTimeoutMs },
      { timestampFormat: "unixepoch-ms" },
    );
    return { prisma: new PrismaClient({ adapter: sqliteAdapter }), sqliteAdapter, pool: null };
  }
  const { prisma, pool } = createPostgresPrismaSession(target, logger, { lockTimeoutMs: postgresLockTimeoutMs });
  return { prisma, sqliteAdapter: null, pool };
}

/** Prisma's better-sqlite3 adapter on a connection that compiles each SQL text once (see cacheSqliteStatements). */
class StatementCachingSqlite3 extends PrismaBetterSqlite3 {
  /** The connection, once Prisma has connected: SqliteTransactionRunner writes on it too. */
  connection: Database.Database | null = null;

  override async connect(): ReturnType<PrismaBetterSqlite3["connect"]> {
    const adapter = await super.connect();
    // The adapter keeps its better-sqlite3 connection in `client` (and hands the same one to its transactions).
    const client = (adapter as unknown as { client?: unknown }).client;
    if (!(client instanceof Database)) throw new Error("the better-sqlite3 adapter no longer exposes its connection as `client`");
    cacheSqliteStatements(client);
    this.connection = client;
    return adapter;
  }
}
