import type { PrismaClient } from "../../generated/prisma/client.js";

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

export class CompletionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async listForMember(memberId: number): Promise<CompletionRecord[]> {
    return this.prisma.completion.findMany({
      where: { memberId },
      select: { itemId: true, completedAt: true, points: true, onTime: true, weekNumber: true },
      orderBy: { completedAt: "asc" },
    });
  }

  /**
   * Logs a completion once: the (member, item) pair is unique in the
   * database, so concurrent or repeated calls record it exactly once.
   * Returns the stored completion and whether this call created it.
   */
  async record(completion: NewCompletion): Promise<{ created: boolean; completion: CompletionRecord }> {
    const select = { itemId: true, completedAt: true, points: true, onTime: true, weekNumber: true } as const;
    const existing = await this.prisma.completion.findUnique({
      where: { memberId_itemId: { memberId: completion.memberId, itemId: completion.itemId } },
      select,
    });
    if (existing !== null) return { created: false, completion: existing };
    try {
      // One batch transaction: the completion and the member's totals change together or not at all.
      const [created] = await this.prisma.$transaction([
        this.prisma.completion.create({ data: completion, select }),
        ...this.refreshScores(completion.memberId, completion.cohortId, completion.weekNumber),
      ]);
      return { created: true, completion: created };
    } catch (error) {
      if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") {
        const winner = await this.prisma.completion.findUniqueOrThrow({
          where: { memberId_itemId: { memberId: completion.memberId, itemId: completion.itemId } },
          select,
        });
        return { created: false, completion: winner };
      }
      throw error;
    }
  }

  /** Removes a completion and its points; null when there was none. */
  async remove(memberId: number, itemId: number, cohortId: number): Promise<CompletionRecord | null> {
    const existing = await this.prisma.completion.findUnique({ where: { memberId_itemId: { memberId, itemId } } });
    if (existing === null) return null;
    const [deleted] = await this.prisma.$transaction([
      this.prisma.completion.deleteMany({ where: { id: existing.id } }),
      ...this.refreshScores(memberId, cohortId, existing.weekNumber),
    ]);
    return deleted.count === 0 ? null : existing;
  }

  /**
   * Recomputes the member's totals from their completions in single
   * statements, so concurrent changes can never leave a stale sum behind.
   */
  private refreshScores(memberId: number, cohortId: number, weekNumber: number) {
    return [
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
      this.prisma.$executeRaw`
      DELETE FROM "WeeklyScore" WHERE "memberId" = ${memberId} AND "weekNumber" = ${weekNumber}
        AND NOT EXISTS (SELECT 1 FROM "Completion" WHERE "memberId" = ${memberId} AND "weekNumber" = ${weekNumber} AND "points" > 0)`,
    ] as const;
  }

  /** Top of the all-time board, active members only, ties by who got there first. */
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

  /** Competition rank: 1 + how many active members scored strictly more. */
  async rankAllTime(cohortId: number, points: number): Promise<number> {
    const ahead = await this.prisma.member.count({ where: { cohortId, leftAt: null, points: { gt: points } } });
    return ahead + 1;
  }

  async rankOfWeek(cohortId: number, weekNumber: number, points: number): Promise<number> {
    const ahead = await this.prisma.weeklyScore.count({
      where: { cohortId, weekNumber, points: { gt: points }, member: { leftAt: null } },
    });
    return ahead + 1;
  }

  async weekPoints(memberId: number, weekNumber: number): Promise<number> {
    const row = await this.prisma.weeklyScore.findUnique({ where: { memberId_weekNumber: { memberId, weekNumber } } });
    return row?.points ?? 0;
  }

  async countRanked(cohortId: number, weekNumber: number | null): Promise<number> {
    if (weekNumber === null) return this.prisma.member.count({ where: { cohortId, leftAt: null, points: { gt: 0 } } });
    return this.prisma.weeklyScore.count({ where: { cohortId, weekNumber, points: { gt: 0 }, member: { leftAt: null } } });
  }
}
