import type { RequiredItemDue } from "../../domain/schedule/requiredItemsDue.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { findInChunks } from "../inChunks.js";
import type { DatabaseTarget } from "../parseDatabaseUrl.js";
import type { SqlReader, SqlValue } from "../SqlReader.js";

/** The roster's groups, in the order they are listed; each member is in the first that applies. */
export const RosterGroup = { Behind: "behind", Quiet: "quiet", NotYet: "not_yet", OnTrack: "on_track", Finished: "finished" } as const;
export type RosterGroup = (typeof RosterGroup)[keyof typeof RosterGroup];

const groupOrder: readonly RosterGroup[] = [
  RosterGroup.Behind,
  RosterGroup.Quiet,
  RosterGroup.NotYet,
  RosterGroup.OnTrack,
  RosterGroup.Finished,
];

/** What the roster's aggregation needs besides the cohort: computed from the plan by the service. */
export interface RosterBasis {
  readonly cohortId: number;
  readonly required: readonly RequiredItemDue[];
  /** Members without a completion since this instant (and who joined before it) are quiet; null: nobody is. */
  readonly quietSince: Date | null;
  /** The section of the latest checkpoint posted so far; null before the first. */
  readonly latestCheckpointSectionId: number | null;
}

export interface RosterRow {
  readonly memberId: number;
  readonly userId: string;
  readonly displayName: string;
  readonly points: number;
  readonly nudges: boolean;
  readonly group: RosterGroup;
  readonly behindItems: number;
  readonly behindMinutes: number;
  readonly lastCompletedAt: Date | null;
}

export interface ConfidenceRow {
  readonly sectionId: number;
  readonly answer: string;
  readonly behind: boolean;
  readonly count: number;
}

function toNumber(value: unknown): number {
  return typeof value === "bigint" ? Number(value) : typeof value === "number" ? value : Number(value ?? 0);
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  // SQLite hands MAX() of a DATETIME column back as stored: epoch milliseconds (a bigint), or ISO text.
  if (typeof value === "bigint" || typeof value === "number") return new Date(Number(value));
  const text = typeof value === "string" ? value : "";
  return new Date(/^\d+$/.test(text) ? Number(text) : text);
}

/**
 * The facilitator's roster and confidence map, aggregated by the database:
 * one pass over the cohort's completions grouped by member, never loading
 * them. Which Required items are due is passed as one JSON parameter (its
 * size is the curriculum's, whatever the number of members), read by
 * json_each (SQLite) or jsonb_array_elements (PostgreSQL).
 */
export class RosterRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly provider: DatabaseTarget["provider"],
    /** The aggregations read a whole cohort: on SQLite, off the event loop (openDatabase). */
    private readonly reader: SqlReader,
  ) {}

  /**
   * One page of the roster, ordered by group, then most behind, then name
   * (`group` null: every group), and how many members each group holds: both
   * from one pass over the completions (the counts are a window over it).
   */
  async page(
    basis: RosterBasis,
    group: RosterGroup | null,
    limit: number,
    offset: number,
  ): Promise<{ rows: RosterRow[]; counts: Record<RosterGroup, number> }> {
    const { sql, params } = this.rosterCte(basis);
    const countColumns = groupOrder.map((_, index) => `SUM(CASE WHEN "grp" = ${index} THEN 1 ELSE 0 END) OVER () AS "n${index}"`);
    const rows = await this.query(
      `${sql}
      SELECT * FROM (SELECT roster.*, ${countColumns.join(", ")} FROM roster) AS counted
      WHERE CAST(? AS INTEGER) IS NULL OR "grp" = CAST(? AS INTEGER)
      ORDER BY "grp", "behindMinutes" DESC, "behindItems" DESC, LOWER("displayName"), "id"
      LIMIT CAST(? AS INTEGER) OFFSET CAST(? AS INTEGER)`,
      [...params, group === null ? null : groupOrder.indexOf(group), group === null ? -1 : groupOrder.indexOf(group), limit, offset],
    );
    const [first] = rows;
    // A page past the end has no row to carry the counts: ask for them alone.
    const counts =
      first === undefined
        ? await this.groupCounts(basis)
        : (Object.fromEntries(groupOrder.map((name, index) => [name, toNumber(first[`n${index}`])])) as Record<RosterGroup, number>);
    return {
      counts,
      rows: rows.map((row) => ({
        memberId: toNumber(row.id),
        userId: String(row.userId),
        displayName: String(row.displayName),
        points: toNumber(row.points),
        nudges: row.nudges === true || toNumber(row.nudges) === 1,
        group: groupOrder[toNumber(row.grp)] ?? RosterGroup.OnTrack,
        behindItems: toNumber(row.behindItems),
        behindMinutes: toNumber(row.behindMinutes),
        lastCompletedAt: toDate(row.lastAt),
      })),
    };
  }

  /** How many active members each group holds. */
  async groupCounts(basis: RosterBasis): Promise<Record<RosterGroup, number>> {
    const { sql, params } = this.rosterCte(basis);
    const rows = await this.query(`${sql} SELECT "grp", COUNT(*) AS "n" FROM roster GROUP BY "grp"`, params);
    const counts = Object.fromEntries(groupOrder.map((group) => [group, 0])) as Record<RosterGroup, number>;
    for (const row of rows) {
      const group = groupOrder[toNumber(row.grp)];
      if (group !== undefined) counts[group] = toNumber(row.n);
    }
    return counts;
  }

  /** Checkpoint answers of active members per section and answer, split by whether the member is behind. */
  async confidence(basis: RosterBasis): Promise<ConfidenceRow[]> {
    const { sql, params } = this.rosterCte(basis);
    const rows = await this.query(
      `${sql}
      SELECT a."sectionId", a."answer", CASE WHEN r."behindItems" > 0 THEN 1 ELSE 0 END AS "isBehind", COUNT(*) AS "n"
      FROM "CheckpointAnswer" a JOIN roster r ON r."id" = a."memberId"
      GROUP BY a."sectionId", a."answer", CASE WHEN r."behindItems" > 0 THEN 1 ELSE 0 END`,
      params,
    );
    return rows.map((row) => ({
      sectionId: toNumber(row.sectionId),
      answer: String(row.answer),
      behind: toNumber(row.isBehind) === 1,
      count: toNumber(row.n),
    }));
  }

  /** Whether any member of the cohort answered a checkpoint (the confidence map is skipped, and costs nothing, until one has). */
  async hasAnswers(cohortId: number): Promise<boolean> {
    return (await this.prisma.checkpointAnswer.findFirst({ where: { member: { cohortId } }, select: { id: true } })) !== null;
  }

  /** Completion instants of a page of members (at most a page: 25), for their streaks. */
  async completionTimes(memberIds: readonly number[]): Promise<Map<number, Date[]>> {
    const rows = await findInChunks(memberIds, (chunk) =>
      this.prisma.completion.findMany({
        where: { memberId: { in: chunk } },
        select: { memberId: true, completedAt: true },
        orderBy: { completedAt: "asc" },
      }),
    );
    const byMember = new Map<number, Date[]>();
    for (const row of rows) byMember.set(row.memberId, [...(byMember.get(row.memberId) ?? []), row.completedAt]);
    return byMember;
  }

  /** Checkpoint answers of a page of members: member id → section id → answer. */
  async answers(memberIds: readonly number[]): Promise<Map<number, Map<number, string>>> {
    const rows = await findInChunks(memberIds, (chunk) =>
      this.prisma.checkpointAnswer.findMany({
        where: { memberId: { in: chunk } },
        select: { memberId: true, sectionId: true, answer: true },
      }),
    );
    const byMember = new Map<number, Map<number, string>>();
    for (const row of rows) {
      const answers = byMember.get(row.memberId) ?? new Map<number, string>();
      answers.set(row.sectionId, row.answer);
      byMember.set(row.memberId, answers);
    }
    return byMember;
  }

  /**
   * The `roster` CTE: every active member with how many due Required items
   * (and their minutes) they have not done, their last completion, and their
   * group (0 behind, 1 quiet, 2 not yet, 3 on track, 4 finished).
   */
  private rosterCte(basis: RosterBasis): { sql: string; params: SqlValue[] } {
    const dueItems = basis.required.filter((item) => item.due);
    const dueTotal = dueItems.length;
    const dueMinutesTotal = dueItems.reduce((sum, item) => sum + item.minutes, 0);
    const requiredTotal = basis.required.length;
    const json = JSON.stringify(basis.required.map((item) => [item.itemId, item.minutes, item.due ? 1 : 0]));
    const requiredTable =
      this.provider === "postgresql"
        ? `SELECT (e.value->>0)::int AS "itemId", (e.value->>1)::int AS "minutes", (e.value->>2)::int AS "due"
           FROM jsonb_array_elements(CAST(? AS jsonb)) AS e(value)`
        : `SELECT CAST(json_extract(e.value, '$[0]') AS INTEGER) AS "itemId", CAST(json_extract(e.value, '$[1]') AS INTEGER) AS "minutes",
             CAST(json_extract(e.value, '$[2]') AS INTEGER) AS "due"
           FROM json_each(?) AS e`;
    const int = "CAST(? AS INTEGER)";
    // PostgreSQL cannot tell a bare parameter's type; SQLite compares stored DATETIME text as it is bound.
    const instant = this.provider === "postgresql" ? "CAST(? AS TIMESTAMP(3))" : "?";
    const sql = `
      WITH req AS MATERIALIZED (${requiredTable}),
      done AS (
        SELECT c."memberId",
          SUM(CASE WHEN r."due" = 1 THEN 1 ELSE 0 END) AS "dueDone",
          SUM(CASE WHEN r."due" = 1 THEN r."minutes" ELSE 0 END) AS "dueMinutesDone",
          COUNT(r."itemId") AS "requiredDone",
          MAX(c."completedAt") AS "lastAt"
        FROM "Completion" c LEFT JOIN req r ON r."itemId" = c."itemId"
        WHERE c."cohortId" = ${int}
        GROUP BY c."memberId"
      ),
      base AS (
        SELECT m."id", m."userId", m."displayName", m."points", m."nudges", m."joinedAt", d."lastAt", a."answer",
          ${int} - COALESCE(d."dueDone", 0) AS "behindItems",
          ${int} - COALESCE(d."dueMinutesDone", 0) AS "behindMinutes",
          COALESCE(d."requiredDone", 0) AS "requiredDone"
        FROM "Member" m
        LEFT JOIN done d ON d."memberId" = m."id"
        LEFT JOIN "CheckpointAnswer" a ON a."memberId" = m."id" AND a."sectionId" = ${int}
        WHERE m."cohortId" = ${int} AND m."leftAt" IS NULL
      ),
      roster AS (
        SELECT base.*, CASE
          WHEN ${int} > 0 AND "requiredDone" >= ${int} THEN 4
          WHEN "behindItems" > 0 THEN 0
          WHEN ${int} IS NOT NULL AND "joinedAt" < ${instant} AND ("lastAt" IS NULL OR "lastAt" < ${instant}) THEN 1
          WHEN "answer" = 'not_yet' THEN 2
          ELSE 3 END AS "grp"
        FROM base
      )`;
    const quiet = basis.quietSince;
    return {
      sql,
      params: [
        json,
        basis.cohortId,
        dueTotal,
        dueMinutesTotal,
        basis.latestCheckpointSectionId ?? -1,
        basis.cohortId,
        requiredTotal,
        requiredTotal,
        quiet === null ? null : 1,
        quiet,
        quiet,
      ],
    };
  }

  private query(sql: string, params: readonly SqlValue[]): Promise<Record<string, unknown>[]> {
    return this.reader.read(sql, params);
  }
}
