import { currentNameKeyRule, nameKeyOf } from "../src/domain/text/plainUserText.js";
import { createHash } from "node:crypto";
import pg from "pg";
import {
  completionFields,
  deriveMemberScoresSql,
  deriveWeeklyScoresSql,
  type BenchStore,
  type CompletionRows,
  type MemberRow,
  type StoredMemberScore,
  type StoredWeeklyScore,
} from "./BenchStore.js";
import { sqlLiteral } from "../src/db/sqlLiteral.js";
import type { PostgresParam } from "../src/db/namedQuery.js";
import { numberedPlaceholders, type SqlResult, type SqlRunner, type SqlStatement } from "./SqlRunner.js";

const rowsPerInsert = 50_000;

// TIMESTAMP(3) columns hold UTC wall time (Prisma's convention); these convert
// to and from epoch milliseconds without the client's time zone getting involved.
const fromEpochMillis = (column: string) => `(to_timestamp(${column} / 1000.0) AT TIME ZONE 'UTC')`;
const toEpochMillis = (column: string) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`;

/** A bench database on PostgreSQL, through `pg` (the driver under Prisma's PostgreSQL adapter). */
const membersPerDerivation = 2_000;

/** deriveWeeklyScoresSql for members with ids in [?, ?]. */
function inMemberRange(sql: string): string {
  const grouped = sql.indexOf("GROUP BY");
  return `${sql.slice(0, grouped)}AND "memberId" BETWEEN ? AND ?\n  ${sql.slice(grouped)}`;
}

export class PostgresBenchStore implements BenchStore {
  readonly provider = "postgresql" as const;
  readonly sql: SqlRunner;

  /** The statements `together` has prepared on this connection. */
  private readonly preparedHere = new Set<string>();

  private constructor(private readonly client: pg.Client) {
    const prepared = (text: string) => {
      const numbered = numberedPlaceholders(text);
      // Named statements are parsed and planned once per connection, as a driver's prepared statements are.
      return { name: `bench_${createHash("sha1").update(numbered).digest("hex").slice(0, 16)}`, text: numbered };
    };
    this.sql = {
      all: async <Row>(text: string, params: readonly unknown[]) =>
        (await client.query({ ...prepared(text), values: [...params] })).rows as Row[],
      run: async (text, params) => (await client.query({ ...prepared(text), values: [...params] })).rowCount ?? 0,
      column: async (text, params) =>
        (await client.query<Record<string, unknown>>({ ...prepared(text), values: [...params] })).rows.map((row) => Object.values(row)[0]),
      transaction: async (work) => {
        await client.query("BEGIN");
        try {
          await work();
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      },
      together: (statements) => this.sendTogether(statements),
      // Text without a zone: PostgreSQL reads it as the UTC wall time the column holds.
      timestamp: (epochMillis) => new Date(epochMillis).toISOString().replace("T", " ").replace("Z", ""),
      boolean: (value) => value,
    };
  }

  /** SqlRunner.together: PREPAREs what the connection lacks (a message of its own, once), then one message of EXECUTEs. */
  private async sendTogether(statements: readonly SqlStatement[]): Promise<SqlResult[]> {
    const named = statements.map(({ sql }) => {
      const text = numberedPlaceholders(sql);
      return { name: `together_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`, text };
    });
    const missing = new Map(named.filter(({ name }) => !this.preparedHere.has(name)).map((entry) => [entry.name, entry]));
    if (missing.size > 0) {
      await this.client.query([...missing.values()].map(({ name, text }) => `PREPARE ${name} AS ${text}`).join(";\n"));
      for (const name of missing.keys()) this.preparedHere.add(name);
    }
    const message = statements.map(({ params }, index) => executeText(named[index]?.name ?? "", params)).join(";\n");
    // pg answers a message of several statements with one result each, one of one statement with that result.
    const answer = (await this.client.query(message)) as pg.QueryResult | pg.QueryResult[];
    return (Array.isArray(answer) ? answer : [answer]).map((result) => ({
      rows: result.rows as Record<string, unknown>[],
      changes: result.rowCount ?? 0,
    }));
  }

  static async open(connectionString: string): Promise<PostgresBenchStore> {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
    await client.connect();
    return new PostgresBenchStore(client);
  }

  async beginLoad(): Promise<void> {
    await this.client.query("BEGIN");
  }

  async insertMembers(rows: readonly MemberRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += rowsPerInsert) {
      const chunk = rows.slice(start, start + rowsPerInsert);
      await this.client.query(
        `INSERT INTO "Member" ("id", "cohortId", "userId", "displayName", "nameKey", "nameKeyRule", "joinedAt", "leftAt")
         SELECT id, cohort, "user", name, "key", ${currentNameKeyRule}, ${fromEpochMillis("joined")}, ${fromEpochMillis("lefts")}
         FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $7::text[], $5::float8[], $6::float8[]) AS t(id, cohort, "user", name, "key", joined, lefts)`,
        [
          chunk.map((row) => row.id),
          chunk.map((row) => row.cohortId),
          chunk.map((row) => row.userId),
          chunk.map((row) => row.displayName),
          chunk.map((row) => row.joinedAt),
          chunk.map((row) => row.leftAt),
          chunk.map((row) => nameKeyOf(row.displayName)),
        ],
      );
    }
  }

  async insertCompletions(rows: CompletionRows): Promise<void> {
    const perChunk = rowsPerInsert * completionFields;
    for (let start = 0; start < rows.length; start += perChunk) {
      const end = Math.min(rows.length, start + perChunk);
      const columns: number[][] = Array.from({ length: completionFields }, () => []);
      for (let index = start; index < end; index += completionFields) {
        for (let field = 0; field < completionFields; field++) columns[field]?.push(rows[index + field] ?? 0);
      }
      // One statement per 50,000 rows: unnest turns the column arrays back into rows.
      await this.client.query(
        `INSERT INTO "Completion" ("memberId", "itemId", "cohortId", "completedAt", "weekNumber", "points", "onTime", "day")
         SELECT member, item, cohort, ${fromEpochMillis("completed")}, week, points, on_time <> 0, to_char(DATE '1970-01-01' + day, 'YYYY-MM-DD')
         FROM unnest($1::int[], $2::int[], $3::int[], $4::float8[], $5::int[], $6::int[], $7::int[], $8::int[])
           AS t(member, item, cohort, completed, week, points, on_time, day)`,
        columns,
      );
    }
  }

  /**
   * In transactions of a few thousand members each, the triggers keeping the score tallies firing as they do
   * for the bot. In one transaction every change of a hot tally or bucket row (a bucket of 64 scores takes
   * thousands) adds a row version that cannot be pruned before the commit and that each later change walks
   * past: the derivation grows with the square of the cohort (over 12 minutes at 100,000 members).
   */
  async deriveScores(cohortId: number): Promise<void> {
    await this.client.query("COMMIT");
    const { rows } = await this.client.query<{ low: number | null; high: number | null }>(
      `SELECT MIN("id") AS "low", MAX("id") AS "high" FROM "Member" WHERE "cohortId" = $1`,
      [cohortId],
    );
    const { low, high } = rows[0] ?? { low: null, high: null };
    for (let from = low ?? 0; low !== null && high !== null && from <= high; from += membersPerDerivation) {
      const range = [cohortId, from, from + membersPerDerivation - 1];
      await this.client.query(numberedPlaceholders(`${deriveMemberScoresSql} AND "id" BETWEEN ? AND ?`), range);
      await this.client.query(numberedPlaceholders(inMemberRange(deriveWeeklyScoresSql)), range);
    }
    // endLoad commits the load's transaction.
    await this.client.query("BEGIN");
  }

  async endLoad(): Promise<void> {
    await this.client.query("COMMIT");
    // Members were inserted with their ids: move the sequence past them, or the next /join collides.
    await this.client.query(`SELECT setval(pg_get_serial_sequence('"Member"', 'id'), (SELECT MAX("id") FROM "Member"))`);
    // Autovacuum vacuums and analyses tables this size shortly after loading; do it now so the measurements do not
    // depend on when. Vacuuming matters too: until it marks pages all-visible, index-only scans (the ranks' tallies)
    // visit the table for every row.
    await this.client.query("VACUUM ANALYZE");
  }

  async memberScores(cohortId: number): Promise<StoredMemberScore[]> {
    const result = await this.client.query<{ id: number; points: number; reachedAt: number | null }>(
      `SELECT "id", "points", ${toEpochMillis(`"pointsReachedAt"`)} AS "reachedAt" FROM "Member" WHERE "cohortId" = $1`,
      [cohortId],
    );
    return result.rows.map((row) => ({ ...row, reachedAt: row.reachedAt === null ? null : Math.round(row.reachedAt) }));
  }

  async weeklyScores(cohortId: number): Promise<StoredWeeklyScore[]> {
    const result = await this.client.query<StoredWeeklyScore>(
      `SELECT "memberId", "cohortId", "weekNumber", "points", ${toEpochMillis(`"reachedAt"`)} AS "reachedAt" FROM "WeeklyScore" WHERE "cohortId" = $1`,
      [cohortId],
    );
    return result.rows.map((row) => ({ ...row, reachedAt: Math.round(row.reachedAt) }));
  }

  async countCompletions(cohortId: number): Promise<number> {
    const result = await this.client.query<{ count: string }>(`SELECT COUNT(*) AS "count" FROM "Completion" WHERE "cohortId" = $1`, [
      cohortId,
    ]);
    return Number(result.rows[0]?.count ?? 0);
  }

  async assignDiscordIds(
    cohortId: number,
    guildId: string,
    channelId: string,
    userIdByMemberId: ReadonlyMap<number, string>,
  ): Promise<void> {
    await this.client.query("BEGIN");
    await this.client.query(`UPDATE "Cohort" SET "guildId" = $1, "channelId" = $2 WHERE "id" = $3`, [guildId, channelId, cohortId]);
    await this.client.query(
      `UPDATE "Member" AS m SET "userId" = t."user" FROM unnest($1::int[], $2::text[]) AS t(id, "user") WHERE m."id" = t.id`,
      [[...userIdByMemberId.keys()], [...userIdByMemberId.values()]],
    );
    await this.client.query("COMMIT");
  }

  async completedItemIds(memberIds: readonly number[]): Promise<Map<number, Set<number>>> {
    const result = await this.client.query<{ memberId: number; itemId: number }>(
      `SELECT "memberId", "itemId" FROM "Completion" WHERE "memberId" = ANY($1::int[])`,
      [[...memberIds]],
    );
    const done = new Map(memberIds.map((id) => [id, new Set<number>()]));
    for (const row of result.rows) done.get(row.memberId)?.add(row.itemId);
    return done;
  }

  async displayNames(memberIds: readonly number[]): Promise<string[]> {
    const result = await this.client.query<{ id: number; displayName: string }>(
      `SELECT "id", "displayName" FROM "Member" WHERE "id" = ANY($1::int[])`,
      [[...memberIds]],
    );
    const nameById = new Map(result.rows.map((row) => [row.id, row.displayName]));
    return memberIds.map((id) => nameById.get(id) ?? "");
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** A prepared statement's EXECUTE with its values as literals (the bot's src/db/sqlLiteral.ts). */
function executeText(name: string, params: readonly unknown[]): string {
  return params.length === 0
    ? `EXECUTE ${name}`
    : `EXECUTE ${name}(${params.map((value) => sqlLiteral(value as PostgresParam)).join(", ")})`;
}
