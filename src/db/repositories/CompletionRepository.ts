import type { PrismaClient } from "../../generated/prisma/client.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";

export interface CompletionRecord {
  readonly itemId: number;
  readonly completedAt: Date;
  readonly points: number;
  readonly onTime: boolean;
  readonly weekNumber: number;
}

export interface NewCompletion {
  readonly memberId: number;
  readonly cohortId: number;
  readonly itemId: number;
  readonly completedAt: Date;
  readonly weekNumber: number;
  readonly points: number;
  readonly onTime: boolean;
}

export interface ScoreRow {
  readonly memberId: number;
  readonly userId: string;
  readonly displayName: string;
  readonly points: number;
  readonly reachedAt: Date;
}

const completionColumns = { itemId: true, completedAt: true, points: true, onTime: true, weekNumber: true } as const;

export class CompletionRepository {
  /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {}

  /**
   * findFirst, not findUnique: Prisma merges findUnique calls made in the same
   * tick into one query, and a burst of a few hundred of them on this compound
   * key exceeds SQLite's bound-parameter limit (P2029, prisma/orm#23957).
   */
  private async findOne(memberId: number, itemId: number): Promise<CompletionRecord | null> {
    return this.prisma.completion.findFirst({ where: { memberId, itemId }, select: completionColumns });
  }

  /**
   * How many of the cohort's current members completed each item, optionally
   * only completions in [from, before): one grouped query, whose rows are the
   * curriculum's items (never one per completion).
   */
  async countsByItem(cohortId: number, range: { readonly from?: Date; readonly before?: Date } = {}): Promise<Map<number, number>> {
    const rows = await this.prisma.completion.groupBy({
      by: ["itemId"],
      where: {
        cohortId,
        member: { leftAt: null },
        ...(range.from === undefined && range.before === undefined
          ? {}
          : {
              completedAt: {
                ...(range.from === undefined ? {} : { gte: range.from }),
                ...(range.before === undefined ? {} : { lt: range.before }),
              },
            }),
      },
      _count: { _all: true },
    });
    return new Map(rows.map((row) => [row.itemId, row._count._all]));
  }

  async listForMember(memberId: number): Promise<CompletionRecord[]> {
    return this.prisma.completion.findMany({
      where: { memberId },
      select: completionColumns,
      orderBy: { completedAt: "asc" },
    });
  }

  /**
   * Logs a completion once: the (member, item) pair is unique in the
   * database, so concurrent or repeated calls record it exactly once.
   * Returns the stored completion and whether this call created it.
   */
  async record(completion: NewCompletion): Promise<{ created: boolean; completion: CompletionRecord }> {
    return this.writes.run(async () => {
      // One batch transaction: the completion and the member's totals change together or not at all.
      // INSERT … ON CONFLICT DO NOTHING rather than create(): a repeat (a double click, a second /done)
      // then changes nothing instead of failing and rolling the batch back, and needs no look-up first.
      const [, inserted] = await this.prisma.$transaction([
        this.lockMember(completion.memberId),
        this.prisma.$executeRaw`
        INSERT INTO "Completion" ("memberId", "itemId", "cohortId", "completedAt", "weekNumber", "points", "onTime")
        VALUES (${completion.memberId}, ${completion.itemId}, ${completion.cohortId}, ${completion.completedAt},
                ${completion.weekNumber}, ${completion.points}, ${completion.onTime})
        ON CONFLICT ("memberId", "itemId") DO NOTHING`,
        ...this.refreshScores(completion.memberId, completion.cohortId, completion.weekNumber, "added"),
        this.markBoardDirty(completion.cohortId, completion.completedAt),
      ]);
      if (inserted > 0) {
        const { itemId, completedAt, points, onTime, weekNumber } = completion;
        return { created: true, completion: { itemId, completedAt, points, onTime, weekNumber } };
      }
      const existing = await this.findOne(completion.memberId, completion.itemId);
      if (existing === null) throw new Error(`completion of item ${completion.itemId} by member ${completion.memberId} vanished`);
      return { created: false, completion: existing };
    });
  }

  /** Removes a completion and its points; null when there was none. `now` decides which live board changes. */
  async remove(memberId: number, itemId: number, cohortId: number, now: Date): Promise<CompletionRecord | null> {
    const existing = await this.findOne(memberId, itemId);
    if (existing === null) return null;
    return this.writes.run(async () => {
      const [, deleted] = await this.prisma.$transaction([
        this.lockMember(memberId),
        this.prisma.completion.deleteMany({ where: { memberId, itemId } }),
        ...this.refreshScores(memberId, cohortId, existing.weekNumber, "removed"),
        this.markBoardDirty(cohortId, now),
      ]);
      return deleted.count === 0 ? null : existing;
    });
  }

  /**
   * Flags the cohort's live weekly board (at most one is live) for the
   * scheduler's next edit, in the same transaction as the change: the only
   * thing a completion does towards the board (LiveBoardRepository).
   */
  private markBoardDirty(cohortId: number, at: Date) {
    return this.prisma.scheduledPost.updateMany({
      where: { cohortId, boardDirty: false, boardLiveUntil: { gt: at } },
      data: { boardDirty: true },
    });
  }

  /**
   * Takes the member row's write lock first, so two processes changing the
   * same member's completions at once (PostgreSQL, read committed) cannot both
   * compute their sums from a snapshot missing the other's row. SQLite
   * transactions are serialised anyway; there it is a no-op write.
   */
  private lockMember(memberId: number) {
    return this.prisma.$executeRaw`UPDATE "Member" SET "points" = "points" WHERE "id" = ${memberId}`;
  }

  /**
   * Recomputes the member's totals from their completions in single
   * statements, so concurrent changes can never leave a stale sum behind.
   * Only a removal can leave a week with nothing in it, so only a removal
   * pays for the statement that drops the week's row.
   */
  private refreshScores(memberId: number, cohortId: number, weekNumber: number, change: "added" | "removed") {
    const refresh = [
      this.prisma.$executeRaw`
      UPDATE "Member" SET
        "points" = COALESCE((SELECT SUM("points") FROM "Completion" WHERE "memberId" = ${memberId}), 0),
        "pointsReachedAt" = (SELECT MAX("completedAt") FROM "Completion" WHERE "memberId" = ${memberId} AND "points" > 0)
      WHERE "id" = ${memberId}`,
      this.prisma.$executeRaw`
      INSERT INTO "WeeklyScore" ("memberId", "cohortId", "weekNumber", "points", "reachedAt")
      SELECT ${memberId}, ${cohortId}, ${weekNumber}, SUM("points"), MAX("completedAt")
      FROM "Completion" WHERE "memberId" = ${memberId} AND "weekNumber" = ${weekNumber} AND "points" > 0
      HAVING COUNT(*) > 0
      ON CONFLICT ("memberId", "weekNumber") DO UPDATE SET "points" = excluded."points", "reachedAt" = excluded."reachedAt"`,
    ];
    if (change === "added") return refresh;
    return [
      ...refresh,
      this.prisma.$executeRaw`
      DELETE FROM "WeeklyScore" WHERE "memberId" = ${memberId} AND "weekNumber" = ${weekNumber}
        AND NOT EXISTS (SELECT 1 FROM "Completion" WHERE "memberId" = ${memberId} AND "weekNumber" = ${weekNumber} AND "points" > 0)`,
    ];
  }

  /**
   * Top of the all-time board in board order (rankStandings' order): points, then
   * who reached them first, then member id; active members only.
   */
  async topAllTime(cohortId: number, limit: number): Promise<ScoreRow[]> {
    const rows = await this.prisma.member.findMany({
      where: { cohortId, leftAt: null, points: { gt: 0 } },
      orderBy: [{ points: "desc" }, { pointsReachedAt: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true, userId: true, displayName: true, points: true, pointsReachedAt: true },
    });
    return rows.map((row) => ({
      memberId: row.id,
      userId: row.userId,
      displayName: row.displayName,
      points: row.points,
      reachedAt: row.pointsReachedAt ?? new Date(0),
    }));
  }

  /** Top of one week's board, in the same order as topAllTime. */
  async topOfWeek(cohortId: number, weekNumber: number, limit: number): Promise<ScoreRow[]> {
    const rows = await this.prisma.weeklyScore.findMany({
      where: { cohortId, weekNumber, points: { gt: 0 }, member: { leftAt: null } },
      orderBy: [{ points: "desc" }, { reachedAt: "asc" }, { memberId: "asc" }],
      take: limit,
      select: { memberId: true, points: true, reachedAt: true, member: { select: { userId: true, displayName: true } } },
    });
    return rows.map((row) => ({
      memberId: row.memberId,
      userId: row.member.userId,
      displayName: row.member.displayName,
      points: row.points,
      reachedAt: row.reachedAt,
    }));
  }

  async weekPoints(memberId: number, weekNumber: number): Promise<number> {
    const row = await this.prisma.weeklyScore.findFirst({ where: { memberId, weekNumber }, select: { points: true } });
    return row?.points ?? 0;
  }

  /** The member's all-time points: the sum of their completions, summed by the database. */
  async totalPoints(memberId: number): Promise<number> {
    const result = await this.prisma.completion.aggregate({ where: { memberId }, _sum: { points: true } });
    return result._sum.points ?? 0;
  }

  /**
   * How many ranked (active, points > 0) members scored strictly more than
   * `points` (the rank is domain/scoring's competitionRank of it), and how many
   * are ranked, all time (`weekNumber` null) or in one week. One query: each
   * count walks the whole board and looks every row's member up for `leftAt`;
   * on a 10,000-member cohort that walk was most of a /leaderboard.
   */
  async standing(cohortId: number, weekNumber: number | null, points: number): Promise<{ ahead: number; ranked: number }> {
    const [row] =
      weekNumber === null
        ? await this.prisma.$queryRaw<{ ahead: bigint | number | null; ranked: bigint | number }[]>`
          SELECT SUM(CASE WHEN "points" > ${points} THEN 1 ELSE 0 END) AS "ahead", COUNT(*) AS "ranked"
          FROM "Member" WHERE "cohortId" = ${cohortId} AND "leftAt" IS NULL AND "points" > 0`
        : await this.prisma.$queryRaw<{ ahead: bigint | number | null; ranked: bigint | number }[]>`
          SELECT SUM(CASE WHEN w."points" > ${points} THEN 1 ELSE 0 END) AS "ahead", COUNT(*) AS "ranked"
          FROM "WeeklyScore" w JOIN "Member" m ON m."id" = w."memberId"
          WHERE w."cohortId" = ${cohortId} AND w."weekNumber" = ${weekNumber} AND w."points" > 0 AND m."leftAt" IS NULL`;
    // COUNT/SUM come back as bigint on PostgreSQL; SUM is NULL over no rows.
    return { ahead: Number(row?.ahead ?? 0), ranked: Number(row?.ranked ?? 0) };
  }
}
