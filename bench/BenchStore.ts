import type { SqlRunner } from "./SqlRunner.js";

export interface MemberRow {
  readonly id: number;
  readonly cohortId: number;
  readonly userId: string;
  readonly displayName: string;
  readonly joinedAt: number;
  readonly leftAt: number | null;
}

/**
 * Completions as one flat array, `completionFields` numbers per row (instants in epoch ms, onTime 0/1,
 * day: the member day the bot stores with each completion, as days since 1970-01-01; the stores write it as text).
 */
export type CompletionRows = number[];
export const completionFields = 8; // memberId, itemId, cohortId, completedAt, weekNumber, points, onTime, day

export interface StoredMemberScore {
  readonly id: number;
  readonly points: number;
  readonly reachedAt: number | null;
}

export interface StoredWeeklyScore {
  readonly memberId: number;
  readonly cohortId: number;
  readonly weekNumber: number;
  readonly points: number;
  readonly reachedAt: number;
}

/**
 * Direct access to a bench database, beside the bot's own Prisma client:
 * bulk loading, checks, and the hand-written baseline queries (`sql`).
 * One implementation per database engine.
 */
export interface BenchStore {
  readonly provider: "sqlite" | "postgresql";
  readonly sql: SqlRunner;
  beginLoad(): Promise<void>;
  insertMembers(rows: readonly MemberRow[]): Promise<void>;
  insertCompletions(rows: CompletionRows): Promise<void>;
  /**
   * Fills Member.points/pointsReachedAt and WeeklyScore from the completions,
   * with CompletionRepository's own formulas applied to every member at once.
   */
  deriveScores(cohortId: number): Promise<void>;
  endLoad(): Promise<void>;
  memberScores(cohortId: number): Promise<StoredMemberScore[]>;
  weeklyScores(cohortId: number): Promise<StoredWeeklyScore[]>;
  countCompletions(cohortId: number): Promise<number>;
  /** The emulator makes its own snowflakes: point the cohort and the acting members at them. */
  assignDiscordIds(cohortId: number, guildId: string, channelId: string, userIdByMemberId: ReadonlyMap<number, string>): Promise<void>;
  completedItemIds(memberIds: readonly number[]): Promise<Map<number, Set<number>>>;
  /** The stored display names of these members, in their order. */
  displayNames(memberIds: readonly number[]): Promise<string[]>;
  close(): Promise<void>;
}

export const memberColumns = `"id", "cohortId", "userId", "displayName", "nameKey", "nameKeyRule", "joinedAt", "leftAt"`;
export const completionColumns = `"memberId", "itemId", "cohortId", "completedAt", "weekNumber", "points", "onTime", "day"`;

// CompletionRepository.refreshScores for every member of the cohort at once.
export const deriveMemberScoresSql = `
  UPDATE "Member" SET
    "points" = COALESCE((SELECT SUM(c."points") FROM "Completion" c WHERE c."memberId" = "Member"."id"), 0),
    "pointsReachedAt" = (SELECT MAX(c."completedAt") FROM "Completion" c WHERE c."memberId" = "Member"."id" AND c."points" > 0)
  WHERE "cohortId" = ?`;

export const deriveWeeklyScoresSql = `
  INSERT INTO "WeeklyScore" ("memberId", "cohortId", "weekNumber", "points", "reachedAt")
  SELECT "memberId", "cohortId", "weekNumber", SUM("points"), MAX("completedAt")
  FROM "Completion" WHERE "cohortId" = ? AND "points" > 0
  GROUP BY "memberId", "cohortId", "weekNumber"`;
