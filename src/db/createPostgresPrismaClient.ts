import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { PrismaClient, Prisma as SqlitePrisma } from "../generated/prisma/client.js";
import { PrismaClient as PostgresPrismaClient, type Prisma as PostgresPrisma } from "../generated/prisma-postgres/client.js";
import type { Logger } from "../logging/createLogger.js";
import type { PostgresTarget } from "./parseDatabaseUrl.js";

/**
 * A Prisma client for PostgreSQL, typed as the SQLite client the repositories
 * are written against.
 *
 * Why the cast is sound: both clients are generated from the same data model
 * (prisma/postgresql/schema.prisma is derived from prisma/schema.prisma by
 * scripts/generate-client.mjs; only the provider differs). Their model and
 * result types are the same (checked below at compile time), and the
 * PostgreSQL client accepts a superset of the SQLite client's arguments
 * (extras such as `mode: "insensitive"`, `skipDuplicates` and more isolation
 * levels), so every call the SQLite type allows is a valid call here and
 * returns the same shape. TypeScript cannot prove it by itself: it compares
 * the two generated declarations' generic method signatures (and
 * `$transaction`, whose callback receives each client's own type) and gives up.
 * The reverse is not true: code typed this way cannot use the
 * PostgreSQL-only extras, which keeps every feature working on both databases.
 */
export function createPostgresPrismaClient(target: PostgresTarget, logger: Logger, options: { lockTimeoutMs?: number } = {}): PrismaClient {
  return createPostgresPrismaSession(target, logger, options).prisma;
}

/**
 * The Prisma client and the pg pool it runs on: the bot's hand-written statements on the interaction
 * path go through the same pool (PostgresHotReader, PostgresTransactionRunner), so one process holds
 * one pool's connections (pg's default of 10), whichever sends. Prisma's $disconnect ends the pool.
 */
export function createPostgresPrismaSession(
  target: PostgresTarget,
  logger: Logger,
  options: { lockTimeoutMs?: number } = {},
): { prisma: PrismaClient; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    connectionTimeoutMillis: 10_000,
    // A statement waiting longer than this for another connection's lock fails (55P03) and nothing of its transaction stays.
    ...(options.lockTimeoutMs === undefined ? {} : { lock_timeout: options.lockTimeoutMs }),
    // Raw SQL (e.g. CompletionRepository) names tables without a schema; search_path finds them.
    // No JIT: the bot's statements are short, and a large estimate (the roster's) made PostgreSQL
    // spend 1.5 s compiling a query that runs in 0.5 s.
    options: target.schema === null ? "-c jit=off" : `-c jit=off -c search_path="${target.schema}"`,
  });
  const adapter = new PrismaPg(pool, {
    ...(target.schema === null ? {} : { schema: target.schema }),
    disposeExternalPool: true,
    onPoolError: (error) => logger.warn({ err: error }, "PostgreSQL connection lost; the pool reconnects on next use"),
  });
  // A transaction first waits for a free pool connection; in a burst of /done
  // the reads can hold all of them longer than Prisma's default 2 s.
  const client = new PostgresPrismaClient({ adapter, transactionOptions: { maxWait: 10_000 } });
  return { prisma: client as unknown as PrismaClient, pool };
}

// Compile-time half of the argument above: every model exists in both clients
// with the same columns and types. A mismatch names the model in a type error here.
type SqliteModels = SqlitePrisma.TypeMap["model"];
type PostgresModels = PostgresPrisma.TypeMap["model"];
type ScalarsOf<Model> = Model extends { payload: { scalars: infer Scalars } } ? Scalars : never;
/** The names of the models missing from one side or with other scalar columns there. */
type ModelsThatDiffer<Left, Right> = {
  [Name in keyof Left | keyof Right]: Name extends keyof Left & keyof Right
    ? [ScalarsOf<Left[Name]>, ScalarsOf<Right[Name]>] extends [ScalarsOf<Right[Name]>, ScalarsOf<Left[Name]>]
      ? never
      : Name
    : Name;
}[keyof Left | keyof Right];
/** Exported only so it counts as used: its type is the check. */
export const clientModelsMatch: [ModelsThatDiffer<SqliteModels, PostgresModels>] extends [never]
  ? true
  : ModelsThatDiffer<SqliteModels, PostgresModels> = true;
