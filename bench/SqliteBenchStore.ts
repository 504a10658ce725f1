import { currentNameKeyRule, nameKeyOf } from "../src/domain/text/plainUserText.js";
import Database from "better-sqlite3";
import {
  completionColumns,
  completionFields,
  deriveMemberScoresSql,
  deriveWeeklyScoresSql,
  memberColumns,
  type BenchStore,
  type CompletionRows,
  type MemberRow,
  type StoredMemberScore,
  type StoredWeeklyScore,
} from "./BenchStore.js";
import type { SqlResult, SqlRunner } from "./SqlRunner.js";

// Far below SQLite's 32,766 bound parameters per statement.
const rowsPerInsert = 1_000;

/** A bench database in a SQLite file, through better-sqlite3 (the driver under Prisma's SQLite adapter). */
export class SqliteBenchStore implements BenchStore {
  readonly provider = "sqlite" as const;
  readonly sql: SqlRunner;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Statements read by `column`: pluck mode is a statement's own, so apart from `statements`. */
  private readonly plucked = new Map<string, Database.Statement>();

  constructor(filePath: string) {
    this.db = new Database(filePath);
    // Like the bot's adapter: other connections (the bot's) may hold the file briefly.
    this.db.pragma("busy_timeout = 15000");
    const statement = (text: string) => this.statement(text);
    this.sql = {
      all: async <Row>(text: string, params: readonly unknown[]) => statement(text).all(...params) as Row[],
      run: async (text, params) => statement(text).run(...params).changes,
      column: async (text, params) => this.pluckedStatement(text).all(...params),
      transaction: async (work) => {
        // BEGIN IMMEDIATE takes the write lock up front, as a writer should.
        this.db.exec("BEGIN IMMEDIATE");
        try {
          await work();
          this.db.exec("COMMIT");
        } catch (error) {
          this.db.exec("ROLLBACK");
          throw error;
        }
      },
      together: async (statements, { write }) => {
        const runAll = () =>
          statements.map(({ sql, params }): SqlResult => {
            const prepared = statement(sql);
            return prepared.reader
              ? { rows: prepared.all(...params) as Record<string, unknown>[], changes: 0 }
              : { rows: [], changes: prepared.run(...params).changes };
          });
        if (!write) return runAll();
        this.db.exec("BEGIN IMMEDIATE");
        try {
          const results = runAll();
          this.db.exec("COMMIT");
          return results;
        } catch (error) {
          this.db.exec("ROLLBACK");
          throw error;
        }
      },
      // The Prisma adapter is opened with timestampFormat "unixepoch-ms" (src/db/openDatabase.ts).
      timestamp: (epochMillis) => epochMillis,
      boolean: (value) => (value ? 1 : 0),
    };
  }

  private pluckedStatement(text: string): Database.Statement {
    let prepared = this.plucked.get(text);
    if (prepared === undefined) {
      prepared = this.db.prepare(text).pluck(true);
      this.plucked.set(text, prepared);
    }
    return prepared;
  }

  private statement(text: string): Database.Statement {
    let prepared = this.statements.get(text);
    if (prepared === undefined) {
      prepared = this.db.prepare(text);
      this.statements.set(text, prepared);
    }
    return prepared;
  }

  async beginLoad(): Promise<void> {
    // A throwaway template: durability on power loss buys nothing while loading it.
    this.db.pragma("synchronous = OFF");
    this.db.pragma("cache_size = -131072");
    this.db.exec("BEGIN IMMEDIATE");
  }

  async insertMembers(rows: readonly MemberRow[]): Promise<void> {
    const flat = rows.flatMap((row) => [
      row.id,
      row.cohortId,
      row.userId,
      row.displayName,
      nameKeyOf(row.displayName),
      currentNameKeyRule,
      row.joinedAt,
      row.leftAt,
    ]);
    this.insertChunked(`INSERT INTO "Member" (${memberColumns}) VALUES `, 8, flat);
  }

  async insertCompletions(rows: CompletionRows): Promise<void> {
    // The member day arrives as days since 1970-01-01; the bot stores it as "YYYY-MM-DD".
    const placeholders = [...new Array<string>(completionFields - 1).fill("?"), "date(? * 86400, 'unixepoch')"];
    this.insertChunked(`INSERT INTO "Completion" (${completionColumns}) VALUES `, completionFields, rows, placeholders);
  }

  private insertChunked(
    prefix: string,
    fields: number,
    flat: readonly unknown[],
    placeholders = new Array<string>(fields).fill("?"),
  ): void {
    const tuple = `(${placeholders.join(", ")})`;
    const perChunk = rowsPerInsert * fields;
    for (let start = 0; start < flat.length; start += perChunk) {
      const chunk = flat.slice(start, start + perChunk);
      const rows = chunk.length / fields;
      this.statement(prefix + new Array<string>(rows).fill(tuple).join(", ")).run(...chunk);
    }
  }

  async deriveScores(cohortId: number): Promise<void> {
    this.db.prepare(deriveMemberScoresSql).run(cohortId);
    this.db.prepare(deriveWeeklyScoresSql).run(cohortId);
  }

  async endLoad(): Promise<void> {
    this.db.exec("COMMIT");
    this.db.pragma("synchronous = FULL");
    // Everything into the main file, so the template can be copied as one file.
    // No ANALYZE: the bot never runs it, so a real deployment has no statistics either.
    this.db.pragma("wal_checkpoint(TRUNCATE)");
  }

  async memberScores(cohortId: number): Promise<StoredMemberScore[]> {
    return this.db
      .prepare(`SELECT "id", "points", "pointsReachedAt" AS "reachedAt" FROM "Member" WHERE "cohortId" = ?`)
      .all(cohortId) as StoredMemberScore[];
  }

  async weeklyScores(cohortId: number): Promise<StoredWeeklyScore[]> {
    return this.db
      .prepare(`SELECT "memberId", "cohortId", "weekNumber", "points", "reachedAt" FROM "WeeklyScore" WHERE "cohortId" = ?`)
      .all(cohortId) as StoredWeeklyScore[];
  }

  async countCompletions(cohortId: number): Promise<number> {
    const row = this.db.prepare(`SELECT COUNT(*) AS "count" FROM "Completion" WHERE "cohortId" = ?`).get(cohortId) as { count: number };
    return row.count;
  }

  async assignDiscordIds(
    cohortId: number,
    guildId: string,
    channelId: string,
    userIdByMemberId: ReadonlyMap<number, string>,
  ): Promise<void> {
    const updateMember = this.db.prepare(`UPDATE "Member" SET "userId" = ? WHERE "id" = ?`);
    this.db.transaction(() => {
      this.db.prepare(`UPDATE "Cohort" SET "guildId" = ?, "channelId" = ? WHERE "id" = ?`).run(guildId, channelId, cohortId);
      for (const [memberId, userId] of userIdByMemberId) updateMember.run(userId, memberId);
    })();
  }

  async completedItemIds(memberIds: readonly number[]): Promise<Map<number, Set<number>>> {
    const select = this.db.prepare(`SELECT "itemId" FROM "Completion" WHERE "memberId" = ?`).pluck();
    return new Map(memberIds.map((id) => [id, new Set(select.all(id) as number[])]));
  }

  async displayNames(memberIds: readonly number[]): Promise<string[]> {
    const select = this.db.prepare(`SELECT "displayName" FROM "Member" WHERE "id" = ?`).pluck();
    return memberIds.map((id) => (select.get(id) as string | undefined) ?? "");
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
